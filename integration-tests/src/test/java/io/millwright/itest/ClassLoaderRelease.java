package io.millwright.itest;

import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.osgi.framework.Bundle;
import org.osgi.framework.wiring.BundleWiring;

/**
 * Watches the class loader of a bundle's current revision so a test can check, after the bundle
 * was updated, that nothing keeps the old one alive (a thread not stopped, a listener not removed,
 * a static cache in another bundle): such a leak grows with every update.
 */
final class ClassLoaderRelease {

    private final WeakReference<ClassLoader> loader;
    private final String description;

    private ClassLoaderRelease(ClassLoader loader, String description) {
        this.loader = new WeakReference<>(loader);
        this.description = description;
    }

    /** The loader of {@code bundle} as it runs now. */
    static ClassLoaderRelease of(Bundle bundle) {
        BundleWiring wiring = bundle.adapt(BundleWiring.class);
        if (wiring == null || wiring.getClassLoader() == null) {
            throw new IllegalStateException(bundle.getSymbolicName() + " has no class loader (state " + bundle.getState() + ")");
        }
        return new ClassLoaderRelease(wiring.getClassLoader(), bundle.getSymbolicName() + " " + bundle.getVersion());
    }

    /**
     * Whether the loader was collected within {@code timeout}, asking for collections meanwhile.
     * Memory is pressed a little so that soft references (caches) let go as well.
     */
    boolean collectedWithin(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (loader.get() != null && System.nanoTime() < deadline) {
            List<byte[]> pressure = new ArrayList<>();
            try {
                for (int i = 0; i < 16; i++) {
                    pressure.add(new byte[4 << 20]);
                }
            } catch (OutOfMemoryError enough) {
                // what was allocated is pressure enough
            }
            pressure.clear();
            System.gc();
            Thread.sleep(200);
        }
        return loader.get() == null;
    }

    /**
     * Threads that keep the loader as their context class loader: the usual holder. A thread born
     * on a thread that had it (a shell command runs with its bundle's loader) inherits it for good.
     */
    String suspects() {
        ClassLoader l = loader.get();
        if (l == null) {
            return "none (collected)";
        }
        List<String> threads = new ArrayList<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getContextClassLoader() == l) {
                threads.add(t.getName());
            }
        }
        return threads.isEmpty() ? "no thread has it as context class loader" : "context class loader of threads " + threads;
    }

    @Override
    public String toString() {
        return "class loader of " + description;
    }
}
