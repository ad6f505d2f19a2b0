package io.millwright.driver.mqtt.internal.mapping;

/** A payload a mapping cannot use; the message names the pointer, field or offset and the value. */
public class PayloadRefusedException extends Exception {

    private static final long serialVersionUID = 1L;

    public PayloadRefusedException(String reason) {
        super(reason);
    }
}
