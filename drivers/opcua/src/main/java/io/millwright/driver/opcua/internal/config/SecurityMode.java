package io.millwright.driver.opcua.internal.config;

/** The message security a device asks for, as the configuration names it. */
public enum SecurityMode {
    None, Sign, SignAndEncrypt;

    /** @return the mode of that exact name, or null */
    public static SecurityMode parse(String text) {
        for (SecurityMode m : values()) {
            if (m.name().equals(text)) {
                return m;
            }
        }
        return null;
    }
}
