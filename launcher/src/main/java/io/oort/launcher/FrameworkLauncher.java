package io.oort.launcher;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Starts Felix with the bundles of {@code bundle/}; connector bundles come later from {@code plugins/} through
 * FileInstall, so removing a file there removes that connector.
 */
final class FrameworkLauncher {
    private static final String FILEINSTALL = "org.apache.felix.fileinstall";
    private static final String ENGINE_GUARD = "io.oort.engine.core.internal.plugin.EngineGuard";
    private static final long GUARD_WAIT_MS = 10_000;
    private static final String SLF4J_API = "slf4j.api";

    private final Path home;
    private final Map<String, String> config;

    FrameworkLauncher(Path home, Map<String, String> config) {
        this.home = home;
        this.config = config;
    }

    Map<String, String> frameworkProperties() {
        Map<String, String> p = new HashMap<>();
        p.put(Constants.FRAMEWORK_STORAGE, home.resolve("data/osgi-cache").toString());
        p.put(Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT);
        p.put(Constants.FRAMEWORK_BEGINNING_STARTLEVEL, "3");
        p.put("felix.log.level", "1");
        // slf4j lives on the class path, where its ServiceLoader finds slf4j-simple by itself; the framework exports
        // its packages as slf4j-api's own manifest does (2.x and the 1.7 compatibility versions). Without that, a
        // ServiceLoader mediator (SPI Fly) would have to weave slf4j-api at every start.
        String slf4j = classPathExports(SLF4J_API);
        if (slf4j != null) {
            p.put(Constants.FRAMEWORK_SYSTEMPACKAGES_EXTRA, slf4j);
        }
        // HTTP (REST API)
        p.put("org.osgi.service.http.port", config.get("basic.restPort"));
        p.put("org.apache.felix.http.host", config.get("basic.restIp"));
        p.put("org.apache.felix.http.enable", "true");
        p.put("org.apache.felix.http.jetty.sendServerHeader", "false");
        // Gogo: daemon mode, telnet on loopback only by default
        p.put("gosh.args", "--nointeractive");
        p.put("osgi.shell.telnet.ip", config.get("basic.ip"));
        p.put("osgi.shell.telnet.port", config.get("basic.port"));
        p.put("osgi.shell.telnet.maxconn", "8");
        // FileInstall watches plugins/
        p.put("felix.fileinstall.dir", home.resolve("plugins").toString());
        p.put("felix.fileinstall.poll", String.valueOf(Math.max(100, durationMillis(config.get("plugins.pollInterval")))));
        p.put("felix.fileinstall.noInitialDelay", "true");
        p.put("felix.fileinstall.bundles.new.start", "true");
        p.put("felix.fileinstall.start.level", "3");
        p.put("felix.fileinstall.log.level", "3");
        p.put("felix.fileinstall.enableConfigSave", "false");
        p.put("felix.fileinstall.filter", ".*\\.jar");
        // When FileInstall refreshes a plugin it may add bundles with optional imports or fragments the plugin could
        // satisfy; by default it looks at every bundle, which would pull engine bundles into a plugin's refresh.
        p.put("felix.fileinstall.optionalImportRefreshScope", "managed");
        p.put("felix.fileinstall.fragmentRefreshScope", "managed");
        // Oort
        p.put("oort.home", home.toString());
        StringBuilder keys = new StringBuilder();
        for (Map.Entry<String, String> e : config.entrySet()) {
            p.put("oort.config." + e.getKey(), e.getValue());
            keys.append(keys.length() == 0 ? "" : ",").append(e.getKey());
        }
        p.put("oort.config.keys", keys.toString());
        return p;
    }

    /** The Export-Package header of the jar on the class path whose Bundle-SymbolicName is {@code bsn}, or null. */
    static String classPathExports(String bsn) {
        try {
            java.util.Enumeration<java.net.URL> manifests =
                    FrameworkLauncher.class.getClassLoader().getResources("META-INF/MANIFEST.MF");
            while (manifests.hasMoreElements()) {
                try (java.io.InputStream in = manifests.nextElement().openStream()) {
                    java.util.jar.Attributes a = new java.util.jar.Manifest(in).getMainAttributes();
                    String name = a.getValue(Constants.BUNDLE_SYMBOLICNAME);
                    if (name != null && name.split(";")[0].trim().equals(bsn)) {
                        return a.getValue(Constants.EXPORT_PACKAGE);
                    }
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("reading the class path's manifests", e);
        }
        return null;
    }

    static long durationMillis(String s) {
        if (s == null) {
            return 1000;
        }
        if (s.matches("\\d+")) {
            return Long.parseLong(s);
        }
        if (s.endsWith("ms")) {
            return Long.parseLong(s.substring(0, s.length() - 2));
        }
        if (s.endsWith("s")) {
            return (long) (Double.parseDouble(s.substring(0, s.length() - 1)) * 1000);
        }
        return 1000;
    }

    Framework start() throws BundleException, IOException {
        FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class).iterator().next();
        Framework fw = factory.newFramework(frameworkProperties());
        fw.init();
        List<Bundle> core = install(fw, home.resolve("bundle"), 2);
        fw.start();
        // Resolve everything up front: concurrent starts would otherwise race for Felix's global resolve lock.
        fw.adapt(org.osgi.framework.wiring.FrameworkWiring.class).resolveBundles(null);
        // The HTTP server's activator starts Jetty synchronously (the slowest start); the engine's components
        // activate while it does, on the other core.
        List<Bundle> http = new ArrayList<>();
        List<Bundle> rest = new ArrayList<>();
        List<Bundle> fileInstall = new ArrayList<>();
        for (Bundle b : core) {
            String bsn = b.getSymbolicName() == null ? "" : b.getSymbolicName();
            (bsn.startsWith("org.apache.felix.http.jetty") ? http : bsn.equals(FILEINSTALL) ? fileInstall : rest).add(b);
        }
        BundleException[] httpFailure = new BundleException[1];
        Thread httpStarter = new Thread(() -> {
            try {
                startAll(http);
            } catch (BundleException e) {
                httpFailure[0] = e;
            }
        }, "oort-start-http");
        httpStarter.start();
        startAll(rest);
        // FileInstall last: its first scan of plugins/ runs as it starts, and the engine's guard (resolver and
        // find hooks, which keep plugin files away from engine bundles) must be in place by then.
        awaitEngineGuard(fw);
        startAll(fileInstall);
        try {
            httpStarter.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BundleException("interrupted while starting the HTTP service");
        }
        if (httpFailure[0] != null) {
            throw httpFailure[0];
        }
        return fw;
    }

    /**
     * Waits (bounded) until the engine's guard component is registered. Without it (the engine failed to start),
     * plugins are still deployed after the bound, with a warning: a broken engine must not hide its connectors.
     */
    private static void awaitEngineGuard(Framework fw) {
        ServiceTracker<Object, Object> guard;
        try {
            guard = new ServiceTracker<>(fw.getBundleContext(),
                    fw.getBundleContext().createFilter("(component.name=" + ENGINE_GUARD + ")"), null);
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
        guard.open(true);
        try {
            if (guard.waitForService(GUARD_WAIT_MS) == null) {
                System.err.println("oort: the engine's plugin guard is not active after " + GUARD_WAIT_MS
                        + " ms; deploying plugins/ without it");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            guard.close();
        }
    }

    private static List<Bundle> install(Framework fw, Path dir, int level) throws BundleException, IOException {
        List<Path> jars = new ArrayList<>();
        if (Files.isDirectory(dir)) {
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.jar")) {
                ds.forEach(jars::add);
            }
        }
        jars.sort(null);
        List<Bundle> out = new ArrayList<>();
        for (Path jar : jars) {
            // reference: Felix reads the jar where it is instead of copying it into its cache on every start
            Bundle b = fw.getBundleContext().installBundle("reference:" + jar.toUri());
            b.adapt(org.osgi.framework.startlevel.BundleStartLevel.class).setStartLevel(level);
            out.add(b);
        }
        return out;
    }

    private static void startAll(List<Bundle> bundles) throws BundleException {
        List<String> failed = new ArrayList<>();
        for (Bundle b : bundles) {
            if (b.getHeaders().get(Constants.FRAGMENT_HOST) != null) {
                continue;
            }
            try {
                b.start(Bundle.START_ACTIVATION_POLICY);
            } catch (BundleException e) {
                failed.add(b.getSymbolicName() + ": " + e.getMessage());
            }
        }
        if (!failed.isEmpty()) {
            throw new BundleException("bundles failed to start: " + String.join("; ", failed));
        }
    }
}
