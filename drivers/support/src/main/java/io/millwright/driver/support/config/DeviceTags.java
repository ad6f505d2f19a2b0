package io.millwright.driver.support.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The tags a device file names: its inline {@code tag.<name>} keys in key order, then the rows of
 * its {@code tagFile}; each name at most once.
 *
 * @param <T> the driver's tag definition
 */
public final class DeviceTags<T> {

    public static final String PREFIX = "tag.";
    public static final String TAG_FILE = "tagFile";

    /** Reads one inline tag, refusing it by its key. */
    @FunctionalInterface
    public interface InlineTag<T> {
        T parse(String key, String spec) throws ConfigRefusedException;
    }

    /** Reads a tag file, refusing it by file, line and column. */
    @FunctionalInterface
    public interface TagFile<T> {
        List<T> read(Path file) throws ConfigRefusedException;
    }

    /** What a driver checks on each tag once the names are known to be unique so far. */
    @FunctionalInterface
    public interface TagCheck<T> {
        void check(T tag) throws ConfigRefusedException;
    }

    private final InlineTag<T> inline;
    private final TagFile<T> file;
    private final Function<T, String> name;
    private final String inlineSyntax;

    /** @param inlineSyntax what follows {@code tag.<name> = } in the hint for a file without tags */
    public DeviceTags(InlineTag<T> inline, TagFile<T> file, Function<T, String> name, String inlineSyntax) {
        this.inline = inline;
        this.file = file;
        this.name = name;
        this.inlineSyntax = inlineSyntax;
    }

    /** @param etcDir where a relative {@code tagFile} is looked for */
    public List<T> read(DeviceProperties properties, Path etcDir) throws ConfigRefusedException {
        return read(properties, etcDir, tag -> { });
    }

    public List<T> read(DeviceProperties properties, Path etcDir, TagCheck<T> check) throws ConfigRefusedException {
        List<T> tags = new ArrayList<>();
        for (Map.Entry<String, Object> e : properties.startingWith(PREFIX).entrySet()) {
            tags.add(inline.parse(e.getKey(), String.valueOf(e.getValue())));
        }
        String tagFile = properties.text(TAG_FILE);
        if (tagFile != null) {
            tags.addAll(file.read(etcDir.resolve(tagFile)));
        }
        if (tags.isEmpty()) {
            throw new ConfigRefusedException("tag.*", "no tags: add tag.<name> = " + inlineSyntax + " keys or a tagFile");
        }
        Set<String> names = new HashSet<>();
        for (T t : tags) {
            String n = name.apply(t);
            if (!names.add(n)) {
                throw new ConfigRefusedException("tag." + n, "tag '" + n + "' is defined twice (inline and/or in "
                        + (tagFile == null ? "the file" : tagFile) + ")");
            }
            check.check(t);
        }
        return tags;
    }
}
