package io.oort.engine.core.internal.util;

import java.security.AccessController;
import java.security.PrivilegedAction;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Threads for the engine's pools that keep nothing of the code that happened to start them.
 *
 * <p>A pool starts a thread on demand, on whichever thread submits first: often a connector's callback thread
 * handing over a record or reporting its status. On Java 17 a new thread inherits its creator's access control
 * context (the protection domain of every class on the creator's stack, and through each its class loader), its
 * context class loader and its inheritable thread locals. A pool thread started that way would keep the connector
 * bundle's class loader for the pool's lifetime, long after the bundle was updated or uninstalled: one leaked
 * class loader, with every class of the old version, per swap. These threads are created inside a privileged
 * block (the context holds only the engine's domain), with the engine's class loader as context class loader and
 * without inherited thread locals.
 */
public final class EngineThreads {

    private EngineThreads() {
    }

    /** Daemon threads named {@code prefix-1}, {@code prefix-2}, … */
    public static ThreadFactory daemon(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> daemon(r, prefix + "-" + n.incrementAndGet());
    }

    /** One daemon thread, not started. */
    @SuppressWarnings("removal") // the inherited context exists up to Java 23, which this engine runs on
    public static Thread daemon(Runnable r, String name) {
        ClassLoader engine = EngineThreads.class.getClassLoader();
        Thread t = AccessController.doPrivileged(
                (PrivilegedAction<Thread>) () -> new Thread(null, r, name, 0, false));
        t.setContextClassLoader(engine);
        t.setDaemon(true);
        return t;
    }
}
