package io.millwright.driver.opcua.internal.config;

import java.util.regex.Pattern;
import org.eclipse.milo.opcua.stack.core.types.builtin.NodeId;

/**
 * Builds a {@link TagDefinition} from its textual fields, checking each; shared by the inline
 * {@code tag.<name>} form and the CSV file so both accept exactly the same things.
 */
final class TagFields {

    static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    static final double MAX_SAMPLING_MS = 86_400_000;

    /** A field that is wrong: which one (as the CSV header names it) and why. */
    static final class FieldProblem extends Exception {
        private static final long serialVersionUID = 1L;
        final String field;

        FieldProblem(String field, String message) {
            super(message);
            this.field = field;
        }
    }

    private TagFields() {
    }

    /** Blank optional fields take their defaults: type auto, the publishing interval, no deadband, not historized. */
    static TagDefinition build(String name, String nodeIdText, String typeText, String samplingText, String deadbandText,
                               String historizeText) throws FieldProblem {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new FieldProblem("name", "tag name '" + name + "' must be letters, digits, '.', '_', '-'");
        }
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
        double sampling = parseDouble("samplingInterval", samplingText, -1);
        if (samplingText != null && !samplingText.isBlank() && (sampling < 0 || sampling > MAX_SAMPLING_MS)) {
            throw new FieldProblem("samplingInterval", "sampling interval " + samplingText.trim() + " ms must be 0 to "
                    + (long) MAX_SAMPLING_MS);
        }
        double deadband = parseDouble("deadband", deadbandText, 0.0);
        if (deadband < 0.0) {
            throw new FieldProblem("deadband", "deadband must be 0 or more, was " + deadbandText.trim());
        }
        if (deadband > 0 && (type == TagType.BOOL || type == TagType.STRING)) {
            throw new FieldProblem("deadband", "a " + type.word() + " tag cannot have a deadband");
        }
        boolean historize = parseBoolean("historize", historizeText, false);
        return new TagDefinition(name, nodeId, type, sampling, deadband, historize);
    }

    static double parseDouble(String field, String text, double dflt) throws FieldProblem {
        if (text == null || text.isBlank()) {
            return dflt;
        }
        try {
            double v = Double.parseDouble(text.trim());
            if (!Double.isFinite(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new FieldProblem(field, field + " '" + text.trim() + "' is not a number");
        }
    }

    static boolean parseBoolean(String field, String text, boolean dflt) throws FieldProblem {
        if (text == null || text.isBlank()) {
            return dflt;
        }
        String t = text.trim();
        if (t.equalsIgnoreCase("true")) {
            return true;
        }
        if (t.equalsIgnoreCase("false")) {
            return false;
        }
        throw new FieldProblem(field, field + " '" + t + "' must be true or false");
    }
}
