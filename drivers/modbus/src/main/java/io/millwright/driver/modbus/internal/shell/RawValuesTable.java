package io.millwright.driver.modbus.internal.shell;

import io.millwright.driver.modbus.internal.poll.RawValues;

/** Prints a diagnostic read: one line per address, raw hex and the register read as int16 and uint16. */
final class RawValuesTable {

    private RawValuesTable() {
    }

    static String format(String deviceId, RawValues values) {
        StringBuilder b = new StringBuilder();
        b.append(deviceId).append(' ').append(values.area().word()).append(' ').append(values.start())
                .append(" count ").append(values.count()).append('\n');
        if (values.area().isBits()) {
            b.append(String.format("%-8s %s%n", "Address", "Value"));
            for (int i = 0; i < values.bits().length; i++) {
                b.append(String.format("%-8d %s%n", values.start() + i, values.bits()[i] ? "1 (on)" : "0 (off)"));
            }
            return b.toString();
        }
        b.append(String.format("%-8s %-6s %7s %6s%n", "Address", "Hex", "int16", "uint16"));
        for (int i = 0; i < values.registers().length; i++) {
            int r = values.registers()[i] & 0xFFFF;
            b.append(String.format("%-8d 0x%04X %7d %6d%n", values.start() + i, r, (short) r, r));
        }
        return b.toString();
    }
}
