package io.millwright.api.store;

/**
 * The store could not do what was asked (disk full, database locked, corrupt). The message names
 * the store's location; the caller keeps what it could not write and retries.
 */
public class MachineStoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public MachineStoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public MachineStoreException(String message) {
        super(message);
    }
}
