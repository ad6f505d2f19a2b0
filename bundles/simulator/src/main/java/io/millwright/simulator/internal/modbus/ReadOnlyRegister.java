package io.millwright.simulator.internal.modbus;

import com.ghgande.j2mod.modbus.procimg.IllegalAddressException;
import com.ghgande.j2mod.modbus.procimg.Register;

/**
 * A register value copied out of one image. j2mod serialises a response's registers after the
 * request handler returns, so handing out copies (not live registers) keeps a response consistent.
 * The simulator is read-only: a write is answered with exception 2 (illegal data address).
 */
final class ReadOnlyRegister implements Register {

    private final int value;

    ReadOnlyRegister(int value) {
        this.value = value & 0xFFFF;
    }

    @Override
    public int getValue() {
        return value;
    }

    @Override
    public int toUnsignedShort() {
        return value;
    }

    @Override
    public short toShort() {
        return (short) value;
    }

    @Override
    public byte[] toBytes() {
        return new byte[] {(byte) (value >>> 8), (byte) value};
    }

    @Override
    public void setValue(int v) {
        throw readOnly();
    }

    @Override
    public void setValue(short s) {
        throw readOnly();
    }

    @Override
    public void setValue(byte[] bytes) {
        throw readOnly();
    }

    static IllegalAddressException readOnly() {
        // j2mod turns this exception into Modbus exception 2
        return new IllegalAddressException("the simulator's registers are read-only");
    }
}
