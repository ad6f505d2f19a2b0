package io.millwright.driver.modbus.internal.poll;

/** The device answered with a Modbus exception code: the link is fine, the request is not. */
public class ModbusExceptionResponse extends Exception {

    private static final long serialVersionUID = 1L;

    private final int code;

    public ModbusExceptionResponse(int code, String message) {
        super("Modbus exception " + code + ": " + message);
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** Whether the request itself is at fault (function, address, value), so splitting it can isolate the tags at fault. */
    public boolean blamesRequest() {
        return code == 1 || code == 2 || code == 3;
    }
}
