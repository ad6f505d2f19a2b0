package io.millwright.driver.modbus.internal.config;

import io.millwright.driver.support.config.FieldProblem;
import io.millwright.driver.support.config.FieldValues;

/**
 * Builds a {@link TagDefinition} from its textual fields, checking each; shared by the inline
 * {@code tag.<name>} form and the CSV file so both accept exactly the same things.
 */
final class TagFields {

    static final int MAX_ADDRESS = 65535;
    static final int MAX_STRING_REGISTERS = 125;

    private TagFields() {
    }

    /**
     * Blank optional fields take their defaults; {@code typeText} may be blank (bool on bit areas, uint16 on
     * registers), blank orders are the device's.
     */
    static TagDefinition build(String name, String areaText, String addressText, String typeText, String scaleText,
                               String offsetText, String deadbandText, String historizeText, String byteOrderText,
                               String wordOrderText, RegisterOrder deviceOrder) throws FieldProblem {
        FieldValues.checkTagName(name);
        Area area = areaText == null || areaText.isBlank() ? null : Area.fromWord(areaText);
        if (area == null) {
            throw new FieldProblem("area", "area '" + text(areaText) + "' must be coil, discrete, holding or input");
        }
        int address = parseAddress(addressText);
        TagType type;
        int registers;
        if (typeText == null || typeText.isBlank()) {
            type = area.isBits() ? TagType.BOOL : TagType.UINT16;
            registers = 1;
        } else {
            type = TagType.parse(typeText);
            if (type == null) {
                throw new FieldProblem("type", "type '" + typeText.trim() + "' must be bool, int16, uint16, int32, uint32,"
                        + " float32, float64 or string(<registers>)");
            }
            registers = type == TagType.STRING ? TagType.parseStringLength(typeText) : type.registers();
        }
        if (area.isBits() && type != TagType.BOOL) {
            throw new FieldProblem("type", "a " + area.word() + " is one bit: its type must be bool, not " + typeText.trim());
        }
        if (type == TagType.STRING && (registers < 1 || registers > MAX_STRING_REGISTERS)) {
            throw new FieldProblem("type", "string length " + registers + " must be 1 to " + MAX_STRING_REGISTERS + " registers");
        }
        if (area.isBits()) {
            registers = 1;
        }
        if (address + registers - 1 > MAX_ADDRESS) {
            throw new FieldProblem("address", "address " + address + " + " + registers + " registers runs past " + MAX_ADDRESS);
        }
        double scale = FieldValues.parseDouble("scale", scaleText, 1.0);
        if (scale == 0.0) {
            throw new FieldProblem("scale", "scale must not be 0");
        }
        double offset = FieldValues.parseDouble("offset", offsetText, 0.0);
        if ((type == TagType.BOOL || type == TagType.STRING) && (scale != 1.0 || offset != 0.0)) {
            throw new FieldProblem(scale != 1.0 ? "scale" : "offset", "a " + type.word() + " tag cannot be scaled or offset");
        }
        double deadband = FieldValues.deadband(deadbandText);
        boolean historize = FieldValues.parseBoolean("historize", historizeText, false);
        RegisterOrder order = order(area, type, byteOrderText, wordOrderText, deviceOrder);
        return new TagDefinition(name, area, address, type, registers, scale, offset, deadband, historize, order);
    }

    /**
     * The tag's own byte and word order where given, the device's otherwise. An order that cannot
     * change the tag's value is refused, so that a misplaced override is not silently ignored.
     */
    private static RegisterOrder order(Area area, TagType type, String byteOrderText, String wordOrderText,
                                       RegisterOrder deviceOrder) throws FieldProblem {
        Endianness byteOrder = deviceOrder.byteOrder();
        if (!text(byteOrderText).isEmpty()) {
            byteOrder = endianness("byteOrder", byteOrderText);
            if (area.isBits()) {
                throw new FieldProblem("byteOrder", "byteOrder applies only to registers, not to a " + area.word());
            }
        }
        Endianness wordOrder = deviceOrder.wordOrder();
        if (!text(wordOrderText).isEmpty()) {
            wordOrder = endianness("wordOrder", wordOrderText);
            // string(n) counts 0 registers per value here, and rightly: text is read register by register
            if (area.isBits() || type.registers() < 2) {
                throw new FieldProblem("wordOrder", "wordOrder applies only to 32- and 64-bit types (int32, uint32,"
                        + " float32, float64), not " + (area.isBits() ? "a " + area.word() : type.word()));
            }
        }
        return RegisterOrder.of(byteOrder, wordOrder);
    }

    private static Endianness endianness(String field, String text) throws FieldProblem {
        Endianness e = Endianness.parse(text);
        if (e == null) {
            throw new FieldProblem(field, field + " '" + text.trim() + "' must be big or little");
        }
        return e;
    }

    private static int parseAddress(String text) throws FieldProblem {
        try {
            int address = Integer.parseInt(text(text));
            if (address < 0 || address > MAX_ADDRESS) {
                throw new FieldProblem("address", "address " + address + " must be 0 to " + MAX_ADDRESS);
            }
            return address;
        } catch (NumberFormatException e) {
            throw new FieldProblem("address", "address '" + text(text) + "' is not a number (0 to " + MAX_ADDRESS + ")");
        }
    }

    private static String text(String s) {
        return s == null ? "" : s.trim();
    }
}
