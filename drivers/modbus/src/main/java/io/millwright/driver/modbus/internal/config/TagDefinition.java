package io.millwright.driver.modbus.internal.config;

/**
 * One configured tag: where it sits on the device and how its raw value becomes a sample.
 *
 * @param registers how many registers (or bits, for bit areas: always 1) it occupies
 * @param order     the byte and word order its registers are decoded with: the device's, unless the
 *                  tag sets its own (resolved when the configuration is read, not per sample)
 */
public record TagDefinition(String name, Area area, int address, TagType type, int registers,
                            double scale, double offset, double deadband, boolean historize, RegisterOrder order) {

    /** The address in the words of the configuration, as errors name it: {@code holding 100 float32}. */
    public String addressText() {
        String typeText = type == TagType.STRING ? "string(" + registers + ")" : type.word();
        return area.word() + " " + address + " " + typeText;
    }

    /**
     * The address text plus the tag's own byte or word order where it differs from its device's
     * ({@code holding 100 float32 wordOrder=little}), as {@code TagStatus} and the shell show it.
     */
    public String addressText(RegisterOrder deviceOrder) {
        return addressText() + order.differenceFrom(deviceOrder);
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
