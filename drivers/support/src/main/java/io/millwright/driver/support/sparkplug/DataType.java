package io.millwright.driver.support.sparkplug;

/** Sparkplug B metric data types: the codes of the specification's DataType enum that this codec reads and writes. */
public final class DataType {

    public static final int UNKNOWN = 0;
    public static final int INT8 = 1;
    public static final int INT16 = 2;
    public static final int INT32 = 3;
    public static final int INT64 = 4;
    public static final int UINT8 = 5;
    public static final int UINT16 = 6;
    public static final int UINT32 = 7;
    public static final int UINT64 = 8;
    public static final int FLOAT = 9;
    public static final int DOUBLE = 10;
    public static final int BOOLEAN = 11;
    public static final int STRING = 12;
    public static final int DATETIME = 13;
    public static final int TEXT = 14;
    public static final int UUID = 15;

    private DataType() {
    }

    static boolean usesIntValue(int type) {
        return type >= INT8 && type <= INT32 || type >= UINT8 && type <= UINT32;
    }

    static boolean usesLongValue(int type) {
        return type == INT64 || type == UINT64 || type == DATETIME;
    }

    static boolean isText(int type) {
        return type == STRING || type == TEXT || type == UUID;
    }
}
