package io.millwright.platform.internal.update;

import java.util.ArrayList;
import java.util.List;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.SynchronousBundleListener;

/**
 * Records what happens to bundles other than the driver while it is updated, so the command can
 * say that no other bundle was stopped, refreshed or restarted, or name the ones that were.
 */
final class BundleEventLog implements SynchronousBundleListener, AutoCloseable {

    private final BundleContext context;
    private final Bundle driver;
    private final List<String> others = new ArrayList<>();

    BundleEventLog(BundleContext context, Bundle driver) {
        this.context = context;
        this.driver = driver;
        context.addBundleListener(this);
    }

    @Override
    public void bundleChanged(BundleEvent event) {
        if (!event.getBundle().equals(driver)) {
            synchronized (others) {
                others.add(event.getBundle().getSymbolicName() + " [" + event.getBundle().getBundleId() + "] "
                        + name(event.getType()));
            }
        }
    }

    /** Events of other bundles, in order, as "name [id] STOPPED". */
    List<String> others() {
        synchronized (others) {
            return List.copyOf(others);
        }
    }

    @Override
    public void close() {
        context.removeBundleListener(this);
    }

    private static String name(int type) {
        return switch (type) {
            case BundleEvent.INSTALLED -> "INSTALLED";
            case BundleEvent.STARTED -> "STARTED";
            case BundleEvent.STOPPED -> "STOPPED";
            case BundleEvent.UPDATED -> "UPDATED";
            case BundleEvent.UNINSTALLED -> "UNINSTALLED";
            case BundleEvent.RESOLVED -> "RESOLVED";
            case BundleEvent.UNRESOLVED -> "UNRESOLVED";
            case BundleEvent.STARTING -> "STARTING";
            case BundleEvent.STOPPING -> "STOPPING";
            case BundleEvent.LAZY_ACTIVATION -> "LAZY_ACTIVATION";
            default -> "event " + type;
        };
    }
}
