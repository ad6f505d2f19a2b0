package io.millwright.driver.modbus.internal.config;

import io.millwright.driver.support.config.ConfigRefusedException;
import io.millwright.driver.support.config.FieldProblem;
import io.millwright.driver.support.config.TagFileReader;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads a Modbus tag file: a header {@code name,area,address,type,scale,offset,deadband,historize}
 * (columns in any order; name, area and address required), then one tag per line; see
 * {@link TagFileReader} for comments, blanks and how errors name the file, line and column.
 */
final class TagCsvReader {

    static final String HEADER = "name,area,address,type,scale,offset,deadband,historize";
    private static final TagFileReader<TagDefinition> READER = new TagFileReader<>(HEADER,
            List.of("name", "area", "address"), TagCsvReader::tag);

    private TagCsvReader() {
    }

    static List<TagDefinition> read(Path file) throws ConfigRefusedException {
        return READER.read(file);
    }

    private static TagDefinition tag(TagFileReader.Row row) throws FieldProblem {
        return TagFields.build(row.get("name"), row.get("area"), row.get("address"), row.get("type"), row.get("scale"),
                row.get("offset"), row.get("deadband"), row.get("historize"));
    }
}
