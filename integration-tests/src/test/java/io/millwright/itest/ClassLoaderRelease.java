package io.millwright.itest;

import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.osgi.framework.Bundle;
import org.osgi.framework.wiring.BundleWiring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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

    /**
     * Pushes exceptions out of the framework's log buffers. The OSGi log reader keeps the last 100
     * entries and Karaf's {@code log:display} the last 500, each with its exception, and an
     * exception's stack trace holds the classes it was thrown through: a driver generation that
     * logged one (OpcUaIT's untrusted certificate does) stays loaded until 500 more lines are
     * logged. Bounded, so not a leak; a test that wants every old loader gone rolls them first.
     */
    static void rollLogBuffers() {
        Logger log = LoggerFactory.getLogger(ClassLoaderRelease.class);
        for (int i = 0; i < 600; i++) {
            log.warn("rolling the log buffers, so that no logged exception keeps an old class loader ({} of 600)", i + 1);
        }
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
        return threads.isEmpty()
                ? "no thread has it as context class loader (a static cache, a listener, a logged exception?"
                        + " a heap dump shows the path: jcmd <pid> GC.heap_dump)"
                : "context class loader of threads " + threads;
    }

    @Override
    public String toString() {
        return "class loader of " + description;
    }
}
