package io.millwright.simulator.internal.modbus;

/**
 * One immutable set of bit and register values. A read request is answered from a single image,
 * so the two words of a 32-bit counter always belong together.
 */
final class RegisterImage {

    private final boolean[] bits;
    private final int[] words;

    RegisterImage(boolean[] bits, int[] words) {
        this.bits = bits.clone();
        this.words = words.clone();
    }

    int bitCount() {
        return bits.length;
    }

    int wordCount() {
        return words.length;
    }

    boolean bit(int address) {
        return bits[address];
    }

    /** The register at {@code address} as an unsigned 16-bit value. */
    int word(int address) {
        return words[address];
    }
}
