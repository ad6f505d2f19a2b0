package io.millwright.store.derby.internal.schema;

import io.millwright.api.store.MachineStoreException;

/** The database was written by a newer Millwright: it is left untouched rather than misread. */
public class SchemaTooNewException extends MachineStoreException {

    private static final long serialVersionUID = 1L;

    public SchemaTooNewException(String location, int databaseVersion, int knownVersion) {
        super("Derby store at " + location + " has schema version " + databaseVersion
                + ", newer than version " + knownVersion + " that this Millwright knows; refusing to open it"
                + " (nothing was changed). Run the Millwright release that wrote it, or restore a backup"
                + " taken at version " + knownVersion + " or older.");
    }
}
