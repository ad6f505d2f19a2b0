package io.millwright.driver.modbus.internal.config;

import io.millwright.driver.support.config.ConfigRefusedException;
import io.millwright.driver.support.config.FieldProblem;
import io.millwright.driver.support.config.TagFileReader;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads a Modbus tag file: a header {@code name,area,address,type,scale,offset,deadband,historize,byteOrder,wordOrder}
 * (columns in any order; name, area and address required, so files written before the order
 * columns existed still read), then one tag per line; see {@link TagFileReader} for comments,
 * blanks and how errors name the file, line and column.
 */
final class TagCsvReader {

    static final String HEADER = "name,area,address,type,scale,offset,deadband,historize,byteOrder,wordOrder";
    private static final List<String> REQUIRED = List.of("name", "area", "address");

    private TagCsvReader() {
    }

    /** @param deviceOrder the order a tag takes when its order cells are absent or empty */
    static List<TagDefinition> read(Path file, RegisterOrder deviceOrder) throws ConfigRefusedException {
        return new TagFileReader<TagDefinition>(HEADER, REQUIRED, row -> tag(row, deviceOrder)).read(file);
    }

    private static TagDefinition tag(TagFileReader.Row row, RegisterOrder deviceOrder) throws FieldProblem {
        return TagFields.build(row.get("name"), row.get("area"), row.get("address"), row.get("type"), row.get("scale"),
                row.get("offset"), row.get("deadband"), row.get("historize"), row.get("byteOrder"), row.get("wordOrder"),
                deviceOrder);
    }
}
