package io.millwright.driver.opcua.internal.config;

import io.millwright.driver.support.config.ConfigRefusedException;
import io.millwright.driver.support.config.FieldProblem;
import io.millwright.driver.support.config.TagFileReader;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads an OPC UA tag file: a header {@code name,nodeId,type,samplingInterval,deadband,historize}
 * (columns in any order; name and nodeId required; no quoting, so node ids must not contain
 * commas), then one tag per line; see {@link TagFileReader} for comments, blanks and how errors
 * name the file, line and column.
 */
final class TagCsvReader {

    static final String HEADER = "name,nodeId,type,samplingInterval,deadband,historize";
    private static final TagFileReader<TagDefinition> READER = new TagFileReader<>(HEADER, List.of("name", "nodeid"),
            TagCsvReader::tag);

    private TagCsvReader() {
    }

    static List<TagDefinition> read(Path file) throws ConfigRefusedException {
        return READER.read(file);
    }

    private static TagDefinition tag(TagFileReader.Row row) throws FieldProblem {
        return TagFields.build(row.get("name"), row.get("nodeId"), row.get("type"), row.get("samplingInterval"),
                row.get("deadband"), row.get("historize"));
    }
}
