package io.oort.engine.core.internal.plugin;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.wiring.FrameworkWiring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.oort.engine.core.api.ConnectorDescriptor;
import io.oort.engine.core.api.ConnectorKind;
import io.oort.engine.core.api.ConnectorProvider;
import io.oort.engine.core.api.function.AggregateFunction;
import io.oort.engine.core.api.function.ScalarFunction;
import io.oort.engine.core.api.function.SqlFunction;

/**
 * Proves a new plugin bundle works before it replaces anything: installs a copy under a trial symbolic name and
 * location, resolves and starts it, waits for its connector and function services and activates each one (a DS
 * component that throws in its constructor or activate method is caught here), then stops, uninstalls and refreshes
 * the copy. The engine's registries ignore trial services ({@link TrialBundles}), so the running version keeps
 * serving rules throughout; the copy never wires to anything but its imports, so the refresh touches only itself.
 */
final class BundleTrial {

    private static final Logger LOG = LoggerFactory.getLogger(BundleTrial.class);
    private static final AtomicLong SEQ = new AtomicLong();
    private static final Set<String> SERVICE_CLASSES = Set.of(ConnectorProvider.class.getName(),
            ScalarFunction.class.getName(), AggregateFunction.class.getName());

    /** What the bundle offers once active. */
    record Offers(List<ConnectorOffer> connectors, List<String> functions) {
        boolean isEmpty() {
            return connectors.isEmpty() && functions.isEmpty();
        }
    }

    private BundleTrial() {
    }

    /**
     * @param settle how long to wait for the bundle's services after it started (DS registers them right away,
     *               a bundle activator may do so later)
     */
    static Offers run(BundleContext ctx, PluginArchive archive, long settleMillis) throws PluginException {
        String trialName = archive.symbolicName() + ".oort-trial-" + SEQ.incrementAndGet();
        byte[] copy = renamed(archive.jar(), trialName);
        Bundle trial;
        try {
            trial = ctx.installBundle(TrialBundles.LOCATION_PREFIX + trialName, new ByteArrayInputStream(copy));
        } catch (BundleException e) {
            throw PluginException.badRequest("bundle " + archive.symbolicName() + " cannot be installed: "
                    + clean(e.getMessage(), trialName, archive.symbolicName()));
        }
        TrialBundles.add(trial.getBundleId());
        try {
            try {
                trial.start();
            } catch (BundleException | IllegalStateException e) {
                throw PluginException.badRequest("bundle " + archive.symbolicName() + " "
                        + archive.version() + " failed to " + (trial.getState() == Bundle.INSTALLED ? "resolve"
                                : "start") + ": " + clean(detail(e), trialName, archive.symbolicName()));
            }
            return inspect(ctx, trial, archive, settleMillis);
        } finally {
            discard(ctx, trial);
        }
    }

    private static Offers inspect(BundleContext ctx, Bundle trial, PluginArchive archive, long settleMillis)
            throws PluginException {
        String who = "bundle " + archive.symbolicName() + " " + archive.version();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(settleMillis);
        List<ServiceReference<?>> refs = services(trial);
        int declared = DeclaredServices.count(trial);
        while ((refs.isEmpty() || !DeclaredServices.allRegistered(trial, declared)) && System.nanoTime() < deadline) {
            sleep(20);
            refs = services(trial);
        }
        if (refs.isEmpty()) {
            throw PluginException.badRequest(who + " registers no connector or function service "
                    + "(ConnectorProvider, ScalarFunction or AggregateFunction): it is not a plugin");
        }
        List<ConnectorOffer> connectors = new ArrayList<>();
        List<String> functions = new ArrayList<>();
        for (ServiceReference<?> ref : refs) {
            Object svc = ctx.getService(ref);
            try {
                if (svc == null) {
                    throw PluginException.badRequest(who + ": its " + classes(ref) + " service failed to activate ("
                            + "component " + ref.getProperty("component.name") + "; see the log)");
                }
                if (svc instanceof ConnectorProvider p) {
                    connectors.add(connector(who, p, ref));
                } else if (svc instanceof SqlFunction) {
                    List<String> names = PluginFunctions.names(ref.getProperty(SqlFunction.NAME));
                    if (names.isEmpty()) {
                        throw PluginException.badRequest(who + ": function service " + svc.getClass().getName()
                                + " has no " + SqlFunction.NAME + " property");
                    }
                    functions.addAll(names);
                }
            } finally {
                if (svc != null) {
                    ctx.ungetService(ref);
                }
            }
        }
        return new Offers(connectors, functions);
    }

    private static ConnectorOffer connector(String who, ConnectorProvider p, ServiceReference<?> ref)
            throws PluginException {
        ConnectorDescriptor d;
        Thread t = Thread.currentThread();
        ClassLoader previous = t.getContextClassLoader();
        t.setContextClassLoader(p.getClass().getClassLoader());
        try {
            d = p.descriptor();
        } catch (RuntimeException | LinkageError e) {
            throw PluginException.badRequest(who + ": connector " + ref.getProperty(ConnectorProvider.TYPE)
                    + " failed to describe itself: " + e);
        } finally {
            t.setContextClassLoader(previous);
        }
        Object type = ref.getProperty(ConnectorProvider.TYPE);
        ConnectorKind kind = ConnectorKind.of(ref.getProperty(ConnectorProvider.KIND));
        if (d == null || (type != null && !String.valueOf(type).equals(d.type()))
                || (kind != null && kind != d.kind())) {
            throw PluginException.badRequest(who + ": connector service properties (" + kind + " " + type
                    + ") disagree with its descriptor");
        }
        return new ConnectorOffer(d.kind(), d.type());
    }

    private static List<ServiceReference<?>> services(Bundle b) {
        List<ServiceReference<?>> out = new ArrayList<>();
        ServiceReference<?>[] refs = b.getRegisteredServices();
        if (refs != null) {
            for (ServiceReference<?> r : refs) {
                for (String c : (String[]) r.getProperty(Constants.OBJECTCLASS)) {
                    if (SERVICE_CLASSES.contains(c)) {
                        out.add(r);
                        break;
                    }
                }
            }
        }
        return out;
    }

    private static String classes(ServiceReference<?> ref) {
        return String.join(",", (String[]) ref.getProperty(Constants.OBJECTCLASS));
    }

    /** Stops and uninstalls the copy, and refreshes it alone so its class loader can go. */
    private static void discard(BundleContext ctx, Bundle trial) {
        try {
            trial.stop();
        } catch (BundleException | IllegalStateException e) {
            LOG.debug("stopping trial bundle {}: {}", trial.getSymbolicName(), e.getMessage());
        }
        try {
            trial.uninstall();
        } catch (BundleException | IllegalStateException e) {
            LOG.warn("uninstalling trial bundle {} failed: {}", trial.getSymbolicName(), e.getMessage());
        }
        TrialBundles.remove(trial.getBundleId());
        FrameworkWiring fw = ctx.getBundle(Constants.SYSTEM_BUNDLE_LOCATION).adapt(FrameworkWiring.class);
        if (fw.getDependencyClosure(List.of(trial)).size() > 1) {
            // Something wired to the copy in the meantime; refreshing would restart it. The copy stays as a
            // removal-pending revision until the next refresh instead.
            LOG.warn("trial bundle {} has dependents; not refreshed", trial.getSymbolicName());
            return;
        }
        CountDownLatch done = new CountDownLatch(1);
        fw.refreshBundles(List.of(trial), e -> {
            if (e.getType() == FrameworkEvent.PACKAGES_REFRESHED || e.getType() == FrameworkEvent.ERROR) {
                done.countDown();
            }
        });
        try {
            done.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The jar with another Bundle-SymbolicName (attributes and directives kept). */
    static byte[] renamed(byte[] jar, String newName) throws PluginException {
        Manifest mf = PluginArchive.manifest(jar);
        Attributes a = mf.getMainAttributes();
        String header = a.getValue(Constants.BUNDLE_SYMBOLICNAME);
        int semi = header.indexOf(';');
        a.putValue(Constants.BUNDLE_SYMBOLICNAME, newName + (semi < 0 ? "" : header.substring(semi)));
        ByteArrayOutputStream out = new ByteArrayOutputStream(jar.length + 256);
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(jar));
                JarOutputStream jos = new JarOutputStream(out, mf)) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                String n = e.getName();
                if (n.equalsIgnoreCase("META-INF/MANIFEST.MF") || n.equalsIgnoreCase("META-INF/")) {
                    continue;
                }
                jos.putNextEntry(new JarEntry(n));
                in.transferTo(jos);
                jos.closeEntry();
            }
        } catch (IOException e) {
            throw PluginException.badRequest("cannot read the jar: " + e.getMessage());
        }
        return out.toByteArray();
    }

    private static String detail(Exception e) {
        String m = e.getMessage();
        Throwable c = e.getCause();
        if (c != null && c != e && c.getMessage() != null && (m == null || !m.contains(c.getMessage()))) {
            m = (m == null ? "" : m + ": ") + c;
        }
        return m;
    }

    private static String clean(String message, String trialName, String realName) {
        return message == null ? "" : message.replace(trialName, realName);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
