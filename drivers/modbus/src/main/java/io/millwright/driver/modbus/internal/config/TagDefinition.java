package io.millwright.driver.modbus.internal.config;

/**
 * One configured tag: where it sits on the device and how its raw value becomes a sample.
 *
 * @param registers how many registers (or bits, for bit areas: always 1) it occupies
 */
public record TagDefinition(String name, Area area, int address, TagType type, int registers,
                            double scale, double offset, double deadband, boolean historize) {

    /** The address in the words of the configuration, as {@code TagStatus} shows it: {@code holding 100 float32}. */
    public String addressText() {
        String typeText = type == TagType.STRING ? "string(" + registers + ")" : type.word();
        return area.word() + " " + address + " " + typeText;
    }

    /** The last register (or bit) address the tag occupies. */
    public int lastAddress() {
        return address + registers - 1;
    }

    /** Whether the raw value is delivered as is: an integer type with no scaling. */
    public boolean isPlainInteger() {
        return type.isInteger() && scale == 1.0 && offset == 0.0;
    }
}
