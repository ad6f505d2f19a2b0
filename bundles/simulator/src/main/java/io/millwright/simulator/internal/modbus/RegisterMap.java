package io.millwright.simulator.internal.modbus;

import io.millwright.api.simulation.ControllerStatus;
import io.millwright.api.simulation.MachineSnapshot;

/**
 * The simulator's documented register map (docs/simulator.md). Addresses are 0-based protocol
 * addresses; 32-bit values are big-endian with the high word at the lower address. Holding and
 * input registers carry the same values, as do coils and discrete inputs.
 */
final class RegisterMap {

    static final int COIL_RUNNING = 0;
    static final int COIL_FAULTED = 1;
    static final int BIT_COUNT = 2;

    static final int STATE = 0;
    static final int FAULT_CODE = 1;
    static final int TOTAL_COUNT = 2;
    static final int REJECT_COUNT = 4;
    static final int SPEED = 6;
    static final int STOP_CAUSE = 7;
    static final int SPEED_FLOAT = 8;
    static final int WORD_COUNT = 10;

    private RegisterMap() {
    }

    static RegisterImage encode(MachineSnapshot s) {
        boolean[] bits = new boolean[BIT_COUNT];
        bits[COIL_RUNNING] = s.status() == ControllerStatus.RUNNING;
        bits[COIL_FAULTED] = s.status() == ControllerStatus.DOWN;
        int[] words = new int[WORD_COUNT];
        words[STATE] = s.status().code();
        words[FAULT_CODE] = s.faultCode() & 0xFFFF;
        putUint32(words, TOTAL_COUNT, s.totalCount());
        putUint32(words, REJECT_COUNT, s.rejectCount());
        words[SPEED] = (int) Math.min(0xFFFF, Math.round(s.speed()));
        words[STOP_CAUSE] = s.cause().code();
        putUint32(words, SPEED_FLOAT, Float.floatToIntBits((float) s.speed()) & 0xFFFF_FFFFL);
        return new RegisterImage(bits, words);
    }

    /** An image of zeros, served before the first tick. */
    static RegisterImage empty() {
        return new RegisterImage(new boolean[BIT_COUNT], new int[WORD_COUNT]);
    }

    private static void putUint32(int[] words, int address, long value) {
        words[address] = (int) (value >>> 16) & 0xFFFF;
        words[address + 1] = (int) value & 0xFFFF;
    }
}
