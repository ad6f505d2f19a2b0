package io.millwright.driver.support.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeviceTagsTest {

    record Tag(String name, String source) {
    }

    private static final DeviceTags<Tag> TAGS = new DeviceTags<>(
            (key, spec) -> new Tag(key.substring(DeviceTags.PREFIX.length()), spec),
            DeviceTagsTest::lines,
            Tag::name, "<address>");

    @TempDir
    Path etc;

    private static List<Tag> lines(Path file) throws ConfigRefusedException {
        try {
            return Files.readAllLines(file).stream().map(line -> new Tag(line, file.getFileName().toString())).toList();
        } catch (IOException e) {
            throw new ConfigRefusedException("tagFile", e.toString());
        }
    }

    private final Map<String, Object> raw = new HashMap<>();

    private List<Tag> read() throws ConfigRefusedException {
        return TAGS.read(new DeviceProperties(raw), etc);
    }

    @Test
    void inlineTagsComeInKeyOrderThenTheTagFileRelativeToEtc() throws Exception {
        Files.writeString(etc.resolve("line1.csv"), "c\nd\n");
        raw.put("tag.b", "2");
        raw.put("tag.a", "1");
        raw.put("tagFile", " line1.csv ");

        assertThat(read()).containsExactly(new Tag("a", "1"), new Tag("b", "2"), new Tag("c", "line1.csv"),
                new Tag("d", "line1.csv"));
    }

    @Test
    void aFileWithoutTagsIsRefusedWithTheDriversSyntax() {
        refused("tag.*", "tag.*: no tags: add tag.<name> = <address> keys or a tagFile");
    }

    @Test
    void aNameDefinedTwiceIsRefusedByItsKey() throws Exception {
        raw.put("tag.a", "1");
        Files.writeString(etc.resolve("line1.csv"), "a\n");
        refusedWithFile("tag.a", "tag.a: tag 'a' is defined twice (inline and/or in line1.csv)", "line1.csv");
    }

    @Test
    void theDriversCheckRunsOnEachTagInOrderAfterItsNameCheck() {
        raw.put("tag.a", "big");
        raw.put("tag.b", "1");
        raw.put("tagFile", "line1.csv");
        assertThatThrownBy(() -> {
            Files.writeString(etc.resolve("line1.csv"), "b\n");
            TAGS.read(new DeviceProperties(raw), etc, t -> {
                if (t.source().equals("big")) {
                    throw new ConfigRefusedException("tag." + t.name(), "too big");
                }
            });
        }).isInstanceOfSatisfying(ConfigRefusedException.class, e -> assertThat(e.getMessage()).isEqualTo("tag.a: too big"));
    }

    private void refused(String where, String message) {
        refusedWithFile(where, message, null);
    }

    private void refusedWithFile(String where, String message, String tagFile) {
        if (tagFile != null) {
            raw.put("tagFile", tagFile);
        }
        assertThatThrownBy(this::read).isInstanceOfSatisfying(ConfigRefusedException.class, e -> {
            assertThat(e.where()).isEqualTo(where);
            assertThat(e.getMessage()).isEqualTo(message);
        });
    }
}
