package io.millwright.driver.modbus.internal.poll;

/** A write that the driver will not send, with the reason a person can act on. */
public class WriteRefusedException extends Exception {

    private static final long serialVersionUID = 1L;

    public WriteRefusedException(String message) {
        super(message);
    }
}
