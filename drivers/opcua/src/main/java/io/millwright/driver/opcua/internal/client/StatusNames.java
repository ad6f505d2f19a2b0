package io.millwright.driver.opcua.internal.client;

import org.eclipse.milo.opcua.stack.core.StatusCodes;
import org.eclipse.milo.opcua.stack.core.UaException;
import org.eclipse.milo.opcua.stack.core.types.builtin.StatusCode;

/** Status codes by their OPC UA names ({@code Bad_NodeIdUnknown}), as BAD samples and status details carry them. */
public final class StatusNames {

    private StatusNames() {
    }

    public static String name(StatusCode status) {
        return name(status.value());
    }

    public static String name(long value) {
        return StatusCodes.lookup(value).map(n -> n[0]).orElse(String.format("0x%08X", value));
    }

    /** The status name and message of a failure, digging out a {@link UaException} if one is wrapped. */
    public static String describe(Throwable t) {
        Throwable c = t;
        while (c != null) {
            if (c instanceof UaException) {
                UaException e = (UaException) c;
                String message = e.getMessage();
                String name = name(e.getStatusCode());
                return message == null || message.contains(name) ? (message == null ? name : message) : name + ": " + message;
            }
            c = c.getCause();
        }
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
