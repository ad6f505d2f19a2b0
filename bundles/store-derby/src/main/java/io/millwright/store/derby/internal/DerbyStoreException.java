package io.millwright.store.derby.internal;

import io.millwright.api.store.MachineStoreException;

/** A store failure with what it means for a person ({@link DerbyFailure.Kind}): full disk, damage, in use. */
public class DerbyStoreException extends MachineStoreException {

    private static final long serialVersionUID = 1L;

    private final DerbyFailure.Kind kind;

    public DerbyStoreException(String location, String what, Throwable cause) {
        this(DerbyFailure.of(cause), location, what, cause);
    }

    private DerbyStoreException(DerbyFailure failure, String location, String what, Throwable cause) {
        super(failure.describe(location, what), cause);
        this.kind = failure.kind();
    }

    public DerbyFailure.Kind kind() {
        return kind;
    }
}
