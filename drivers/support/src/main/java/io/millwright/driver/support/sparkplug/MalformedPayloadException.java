package io.millwright.driver.support.sparkplug;

/** A payload that cannot be decoded, with where and why. */
public class MalformedPayloadException extends Exception {

    private static final long serialVersionUID = 1L;

    public MalformedPayloadException(String message) {
        super(message);
    }
}
