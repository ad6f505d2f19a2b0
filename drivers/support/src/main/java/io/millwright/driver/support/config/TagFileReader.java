package io.millwright.driver.support.config;

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
 * Reads a tag file: a header naming the columns (in any order, any case), then one tag per line.
 * Blank lines and lines starting with {@code #} are skipped; fields are plain (no quoting). Every
 * error names the file, line and column.
 *
 * @param <T> the driver's tag definition
 */
public final class TagFileReader<T> {

    /** Builds one tag from a row; a {@link FieldProblem} names the column at fault. */
    @FunctionalInterface
    public interface RowReader<T> {
        T read(Row row) throws FieldProblem;
    }

    /** One line's fields, by column. */
    public static final class Row {
        private final String header;
        private final List<String> columns;
        private final String[] fields;
        private final int[] columnOf;

        private Row(String header, List<String> columns, String[] fields, int[] columnOf) {
            this.header = header;
            this.columns = columns;
            this.fields = fields;
            this.columnOf = columnOf;
        }

        /** The trimmed field under that column (any case), or null when the file has no such column or the line stops short. */
        public String get(String column) {
            int known = columns.indexOf(column.toLowerCase(Locale.ROOT));
            if (known < 0) {
                throw new IllegalArgumentException("no column '" + column + "' in " + header);
            }
            int c = columnOf[known];
            return c >= 0 && c < fields.length ? fields[c].trim() : null;
        }
    }

    private final String header;
    private final List<String> columns;
    private final List<String> required;
    private final RowReader<T> rows;

    /**
     * @param header   the known columns as the documentation writes them ({@code name,nodeId,type})
     * @param required the columns a header must have, in lower case
     */
    public TagFileReader(String header, List<String> required, RowReader<T> rows) {
        this.header = header;
        this.columns = List.of(header.toLowerCase(Locale.ROOT).split(","));
        this.required = List.copyOf(required);
        this.rows = rows;
    }

    public List<T> read(Path file) throws ConfigRefusedException {
        String fileName = file.getFileName().toString();
        List<String> lines;
        try {
            lines = readLines(file);
        } catch (IOException e) {
            throw new ConfigRefusedException(DeviceTags.TAG_FILE, "cannot read tag file " + file + ": " + e);
        }
        int[] columnOf = null;
        List<T> tags = new ArrayList<>();
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
            throw new ConfigRefusedException(fileName + " line 1", "no header; expected " + header);
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
    private int[] header(String file, int lineNo, String[] fields) throws ConfigRefusedException {
        int[] columnOf = new int[columns.size()];
        Arrays.fill(columnOf, -1);
        for (int c = 0; c < fields.length; c++) {
            String name = fields[c].trim().toLowerCase(Locale.ROOT);
            int known = columns.indexOf(name);
            if (known < 0) {
                throw new ConfigRefusedException(where(file, lineNo, c, fields[c].trim()),
                        "unknown column '" + fields[c].trim() + "'; expected " + header);
            }
            if (columnOf[known] >= 0) {
                throw new ConfigRefusedException(where(file, lineNo, c, name), "column '" + name + "' appears twice");
            }
            columnOf[known] = c;
        }
        for (String column : required) {
            if (columnOf[columns.indexOf(column)] < 0) {
                throw new ConfigRefusedException(file + " line " + lineNo, "the header lacks the column '" + column + "'");
            }
        }
        return columnOf;
    }

    private T tag(String file, int lineNo, String[] fields, int[] columnOf) throws ConfigRefusedException {
        int width = 0;
        for (int c : columnOf) {
            width = Math.max(width, c + 1);
        }
        if (fields.length > width) {
            throw new ConfigRefusedException(where(file, lineNo, width, null),
                    fields.length + " fields, but the header has " + width + " columns");
        }
        try {
            return rows.read(new Row(header, columns, fields, columnOf));
        } catch (FieldProblem p) {
            int column = columnOf[columns.indexOf(p.field().toLowerCase(Locale.ROOT))];
            throw new ConfigRefusedException(where(file, lineNo, column, p.field()), p.getMessage());
        }
    }

    private static String where(String file, int lineNo, int column, String name) {
        return file + " line " + lineNo + " column " + (column + 1) + (name == null ? "" : " (" + name + ")");
    }
}
