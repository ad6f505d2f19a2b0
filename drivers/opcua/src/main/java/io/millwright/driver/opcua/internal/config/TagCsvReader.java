package io.millwright.driver.opcua.internal.config;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Reads a tag file: a header {@code name,nodeId,type,samplingInterval,deadband,historize}
 * (columns in any order; name and nodeId required; no quoting, so node ids must not contain commas), then one tag per line. Blank lines and
 * lines starting with {@code #} are skipped; fields are plain (no quoting). Every error names the
 * file, line and column.
 */
final class TagCsvReader {

    static final List<String> COLUMNS = List.of("name", "nodeid", "type", "samplinginterval", "deadband", "historize");
    static final String HEADER = "name,nodeId,type,samplingInterval,deadband,historize";
    private static final List<String> REQUIRED = List.of("name", "nodeid");

    private TagCsvReader() {
    }

    static List<TagDefinition> read(Path file) throws ConfigRefusedException {
        String fileName = file.getFileName().toString();
        List<String> lines;
        try {
            lines = readLines(file);
        } catch (IOException e) {
            throw new ConfigRefusedException(DeviceConfigParser.TAG_FILE, "cannot read tag file " + file + ": " + e);
        }
        int[] columnOf = null;
        List<TagDefinition> tags = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int lineNo = i + 1;
            if (line.isBlank() || line.trim().startsWith("#")) {
                continue;
            }
            String[] fields = line.split(",", -1);
            if (columnOf == null) {
                columnOf = header(fileName, lineNo, fields);
                continue;
            }
            tags.add(tag(fileName, lineNo, fields, columnOf));
        }
        if (columnOf == null) {
            throw new ConfigRefusedException(fileName + " line 1", "no header; expected " + HEADER);
        }
        return tags;
    }

    private static List<String> readLines(Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                lines.add(lines.isEmpty() && line.startsWith("\uFEFF") ? line.substring(1) : line);
            }
        }
        return lines;
    }

    /** @return for each known column, its 0-based position in the file, or -1 */
    private static int[] header(String file, int lineNo, String[] fields) throws ConfigRefusedException {
        int[] columnOf = new int[COLUMNS.size()];
        Arrays.fill(columnOf, -1);
        for (int c = 0; c < fields.length; c++) {
            String name = fields[c].trim().toLowerCase(Locale.ROOT);
            int known = COLUMNS.indexOf(name);
            if (known < 0) {
                throw new ConfigRefusedException(where(file, lineNo, c, fields[c].trim()),
                        "unknown column '" + fields[c].trim() + "'; expected " + HEADER);
            }
            if (columnOf[known] >= 0) {
                throw new ConfigRefusedException(where(file, lineNo, c, name), "column '" + name + "' appears twice");
            }
            columnOf[known] = c;
        }
        for (String required : REQUIRED) {
            if (columnOf[COLUMNS.indexOf(required)] < 0) {
                throw new ConfigRefusedException(file + " line " + lineNo, "the header lacks the column '" + required + "'");
            }
        }
        return columnOf;
    }

    private static TagDefinition tag(String file, int lineNo, String[] fields, int[] columnOf) throws ConfigRefusedException {
        int width = 0;
        for (int c : columnOf) {
            width = Math.max(width, c + 1);
        }
        if (fields.length > width) {
            throw new ConfigRefusedException(where(file, lineNo, width, null),
                    fields.length + " fields, but the header has " + width + " columns");
        }
        try {
            return TagFields.build(field(fields, columnOf, 0), field(fields, columnOf, 1), field(fields, columnOf, 2),
                    field(fields, columnOf, 3), field(fields, columnOf, 4), field(fields, columnOf, 5));
        } catch (TagFields.FieldProblem p) {
            int column = columnOf[COLUMNS.indexOf(p.field.toLowerCase(Locale.ROOT))];
            throw new ConfigRefusedException(where(file, lineNo, column, p.field), p.getMessage());
        }
    }

    private static String field(String[] fields, int[] columnOf, int known) {
        int c = columnOf[known];
        return c >= 0 && c < fields.length ? fields[c].trim() : null;
    }

    private static String where(String file, int lineNo, int column, String name) {
        return file + " line " + lineNo + " column " + (column + 1) + (name == null ? "" : " (" + name + ")");
    }
}
