package io.millwright.driver.modbus.internal.config;

/**
 * A byte order and a word order together, as a tag's registers are laid out on the wire; named by
 * where the bytes of a 32-bit value {@code ABCD} end up (CDAB is the common word-swapped float).
 */
public enum RegisterOrder {
    ABCD(Endianness.BIG, Endianness.BIG),
    CDAB(Endianness.BIG, Endianness.LITTLE),
    BADC(Endianness.LITTLE, Endianness.BIG),
    DCBA(Endianness.LITTLE, Endianness.LITTLE);

    private final Endianness byteOrder;
    private final Endianness wordOrder;

    RegisterOrder(Endianness byteOrder, Endianness wordOrder) {
        this.byteOrder = byteOrder;
        this.wordOrder = wordOrder;
    }

    public static RegisterOrder of(Endianness byteOrder, Endianness wordOrder) {
        for (RegisterOrder o : values()) {
            if (o.byteOrder == byteOrder && o.wordOrder == wordOrder) {
                return o;
            }
        }
        throw new IllegalArgumentException("no register order for byte order " + byteOrder + ", word order " + wordOrder);
    }

    public Endianness byteOrder() {
        return byteOrder;
    }

    public Endianness wordOrder() {
        return wordOrder;
    }

    /** Whether the two bytes of each register come low byte first (BA). */
    public boolean swapsBytes() {
        return byteOrder == Endianness.LITTLE;
    }

    /** Whether a 32- or 64-bit value comes low word first. */
    public boolean lowWordFirst() {
        return wordOrder == Endianness.LITTLE;
    }

    /**
     * The options, in configuration words, that set this order apart from {@code base}, such as
     * {@code " wordOrder=little"}; empty when they are the same.
     */
    public String differenceFrom(RegisterOrder base) {
        String b = byteOrder == base.byteOrder ? "" : " byteOrder=" + byteOrder.word();
        String w = wordOrder == base.wordOrder ? "" : " wordOrder=" + wordOrder.word();
        return b + w;
    }
}
