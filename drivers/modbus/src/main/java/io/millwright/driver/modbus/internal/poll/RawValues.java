package io.millwright.driver.modbus.internal.poll;

import io.millwright.driver.modbus.internal.config.Area;

/** What a diagnostic read returned: registers (ints 0..65535) for register areas, bits for bit areas. */
public record RawValues(Area area, int start, int[] registers, boolean[] bits) {

    public int count() {
        return area.isBits() ? bits.length : registers.length;
    }
}
