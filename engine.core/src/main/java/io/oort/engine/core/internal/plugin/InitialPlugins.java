package io.oort.engine.core.internal.plugin;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceListener;
import org.osgi.framework.SynchronousBundleListener;
import org.osgi.framework.wiring.BundleRevision;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the connector and function bundles that were in {@code plugins/} when the engine started are deployed yet.
 * FileInstall deploys them in the background after the engine is up, so without this a script that starts Oort and
 * creates a stream as soon as the REST API answers would race it ("source type mqtt is not installed"). The REST API
 * holds requests (but {@code /ping}) until {@link #await} says they are there, or until a bound passes (a plugin that
 * never starts must not hold the API forever).
 */
public final class InitialPlugins {
    private static final Logger LOG = LoggerFactory.getLogger(InitialPlugins.class);

    private final CountDownLatch done = new CountDownLatch(1);
    private final long deadlineNanos;
    private final Set<Path> pending = new HashSet<>();
    /** The services each pending plugin's revision declares (read from its DS descriptors once). */
    private final Map<BundleRevision, Integer> declared = new HashMap<>();
    private PluginLocations locations;
    private BundleContext ctx;
    private SynchronousBundleListener listener;
    private ServiceListener services;

    private InitialPlugins(long boundMillis) {
        this.deadlineNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(boundMillis);
    }

    /** Nothing to wait for (no plugins folder, tests). */
    public static InitialPlugins none() {
        InitialPlugins p = new InitialPlugins(0);
        p.done.countDown();
        return p;
    }

    /** Starts watching the bundles of the jars now in the plugins folder; waits at most {@code boundMillis}. */
    public static InitialPlugins watch(BundleContext ctx, long boundMillis) {
        PluginLocations locations = PluginLocations.of(ctx);
        Path dir = locations.dir();
        InitialPlugins p = new InitialPlugins(boundMillis);
        p.locations = locations;
        if (dir != null && Files.isDirectory(dir)) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.jar")) {
                for (Path f : files) {
                    p.pending.add(f.toAbsolutePath().normalize());
                }
            } catch (IOException e) {
                LOG.warn("cannot list {}: {}", dir, e.toString());
            }
        }
        p.start(ctx);
        return p;
    }

    private void start(BundleContext context) {
        synchronized (this) {
            if (pending.isEmpty()) {
                done.countDown();
                return;
            }
            ctx = context;
            listener = this::changed;
            services = e -> {
                if (e.getType() == ServiceEvent.REGISTERED) {
                    check(e.getServiceReference().getBundle());
                }
            };
            context.addBundleListener(listener);
            context.addServiceListener(services);
        }
        for (Bundle b : context.getBundles()) {
            check(b);
        }
    }

    private void changed(BundleEvent e) {
        check(e.getBundle());
    }

    private void check(Bundle b) {
        // by path: FileInstall's location is file:/x where Path.toUri() gives file:///x
        Path file = b == null ? null : locations.fileOf(b);
        if (file == null) {
            return;
        }
        synchronized (this) {
            if (!pending.contains(file) || !deployed(b, declared)) {
                return;
            }
            pending.remove(file);
            if (pending.isEmpty()) {
                finish();
            }
        }
    }

    /**
     * Started (or lazily starting) with the services of all its DS components registered, or a resolved fragment,
     * which never starts.
     */
    private static boolean deployed(Bundle b, Map<BundleRevision, Integer> declared) {
        int state = b.getState();
        BundleRevision r = b.adapt(BundleRevision.class);
        if (state == Bundle.ACTIVE || state == Bundle.STARTING) {
            int n = r == null ? DeclaredServices.count(b) : declared.computeIfAbsent(r, k -> DeclaredServices.count(b));
            return DeclaredServices.allRegistered(b, n);
        }
        return state == Bundle.RESOLVED && r != null && (r.getTypes() & BundleRevision.TYPE_FRAGMENT) != 0;
    }

    private void finish() {
        if (listener != null) {
            try {
                ctx.removeBundleListener(listener);
                ctx.removeServiceListener(services);
            } catch (IllegalStateException e) {
                // the engine is stopping
            }
            listener = null;
            services = null;
        }
        declared.clear();
        done.countDown();
    }

    /** Waits until the initial plugins are deployed or the bound has passed; true when they are. */
    public boolean await() throws InterruptedException {
        if (done.getCount() == 0) {
            return true;
        }
        long left = deadlineNanos - System.nanoTime();
        if (left > 0 && done.await(left, TimeUnit.NANOSECONDS)) {
            return true;
        }
        synchronized (this) {
            if (done.getCount() != 0) {
                LOG.warn("plugins not deployed in time, the REST API goes on without them: {}", pending);
                finish();
            }
        }
        return false;
    }

    /** Stops watching (engine shutdown). */
    public synchronized void close() {
        finish();
    }
}
