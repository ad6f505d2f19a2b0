package io.millwright.driver.opcua.internal.config;

import io.millwright.driver.support.config.FieldProblem;
import io.millwright.driver.support.config.FieldValues;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;

/**
 * Builds a {@link TagDefinition} from its textual fields, checking each; shared by the inline
 * {@code tag.<name>} form and the CSV file so both accept exactly the same things.
 */
final class TagFields {

    static final double MAX_SAMPLING_MS = 86_400_000;

    private TagFields() {
    }

    /** Blank optional fields take their defaults: type auto, the publishing interval, no deadband, not historized. */
    static TagDefinition build(String name, String nodeIdText, String typeText, String samplingText, String deadbandText,
                               String historizeText) throws FieldProblem {
        FieldValues.checkTagName(name);
        String nodeId = nodeIdText == null ? "" : nodeIdText.trim();
        if (nodeId.isEmpty() || NodeId.parseSafe(nodeId).isEmpty()) {
            throw new FieldProblem("nodeId", "node id '" + nodeId + "' is not a node id; write it as ns=<index>;s=<name>,"
                    + " ns=<index>;i=<number>, ns=<index>;g=<guid> or ns=<index>;b=<base64> (opcua-browse prints them)");
        }
        TagType type = TagType.AUTO;
        if (typeText != null && !typeText.isBlank()) {
            type = TagType.parse(typeText);
            if (type == null) {
                throw new FieldProblem("type", "type '" + typeText.trim() + "' must be auto, bool, long, double or string");
            }
        }
        double sampling = FieldValues.parseDouble("samplingInterval", samplingText, -1);
        if (samplingText != null && !samplingText.isBlank() && (sampling < 0 || sampling > MAX_SAMPLING_MS)) {
            throw new FieldProblem("samplingInterval", "sampling interval " + samplingText.trim() + " ms must be 0 to "
                    + (long) MAX_SAMPLING_MS);
        }
        double deadband = FieldValues.deadband(deadbandText);
        if (deadband > 0 && (type == TagType.BOOL || type == TagType.STRING)) {
            throw new FieldProblem("deadband", "a " + type.word() + " tag cannot have a deadband");
        }
        boolean historize = FieldValues.parseBoolean("historize", historizeText, false);
        return new TagDefinition(name, nodeId, type, sampling, deadband, historize);
    }
}
