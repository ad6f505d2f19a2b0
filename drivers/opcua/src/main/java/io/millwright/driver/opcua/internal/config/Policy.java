package io.millwright.driver.opcua.internal.config;

/** The security policies a device may ask for, with the URI the server advertises for each. */
public enum Policy {
    None("http://opcfoundation.org/UA/SecurityPolicy#None"),
    Basic256Sha256("http://opcfoundation.org/UA/SecurityPolicy#Basic256Sha256"),
    Aes128_Sha256_RsaOaep("http://opcfoundation.org/UA/SecurityPolicy#Aes128_Sha256_RsaOaep"),
    Aes256_Sha256_RsaPss("http://opcfoundation.org/UA/SecurityPolicy#Aes256_Sha256_RsaPss");

    private final String uri;

    Policy(String uri) {
        this.uri = uri;
    }

    public String uri() {
        return uri;
    }

    /** @return the policy of that exact name, or null */
    public static Policy parse(String text) {
        for (Policy p : values()) {
            if (p.name().equals(text)) {
                return p;
            }
        }
        return null;
    }
}
