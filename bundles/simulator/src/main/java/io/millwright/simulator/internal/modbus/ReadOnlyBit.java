package io.millwright.simulator.internal.modbus;

import com.ghgande.j2mod.modbus.procimg.DigitalOut;

/** A coil or discrete input value copied out of one image; writing it is refused. */
final class ReadOnlyBit implements DigitalOut {

    private final boolean set;

    ReadOnlyBit(boolean set) {
        this.set = set;
    }

    @Override
    public boolean isSet() {
        return set;
    }

    @Override
    public void set(boolean b) {
        throw ReadOnlyRegister.readOnly();
    }
}
