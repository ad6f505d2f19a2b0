package io.millwright.driver.modbus.internal.poll;

/** The TCP link to the device failed (refused, reset, timed out, garbled): the socket must be replaced. */
public class LinkLostException extends Exception {

    private static final long serialVersionUID = 1L;

    public LinkLostException(String message, Throwable cause) {
        super(message, cause);
    }
}
