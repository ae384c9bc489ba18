package io.oort.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.mavenBundle;
import static org.ops4j.pax.exam.CoreOptions.options;

import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

import javax.inject.Inject;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleListener;
import org.osgi.framework.ServiceReference;

/**
 * Plugin management in a real Felix framework with SCR and FileInstall watching a plugins folder: connector and
 * function plugins installed, updated and uninstalled through the plugin service (the API behind REST and shell)
 * and by dropping files, while rules run — with every refusal leaving the running version untouched and engine.core
 * never refreshed, restarted or re-activated.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class PluginManagementIT {

    @Inject
    private BundleContext ctx;

    private Bundle engine;
    private long engineModified;
    private Object engineService;
    private final List<String> engineEvents = Collections.synchronizedList(new ArrayList<>());
    private BundleListener watch;
    private Path sources;

    @Configuration
    public Option[] config() throws Exception {
        Path home = Files.createTempDirectory("oort-plugin-it");
        Files.createDirectories(home.resolve("plugins"));
        Files.createDirectories(home.resolve("etc/sources"));
        return options(
                frameworkProperty("oort.home").value(home.toString()),
                frameworkProperty("felix.fileinstall.dir").value(home.resolve("plugins").toString()),
                frameworkProperty("felix.fileinstall.poll").value("200"),
                frameworkProperty("felix.fileinstall.noInitialDelay").value("true"),
                frameworkProperty("felix.fileinstall.filter").value(".*\\.jar"),
                frameworkProperty("felix.fileinstall.optionalImportRefreshScope").value("managed"),
                frameworkProperty("felix.fileinstall.fragmentRefreshScope").value("managed"),
                frameworkProperty("felix.fileinstall.log.level").value("2"),
                frameworkProperty("oort.config.keys").value("plugins.pollInterval"),
                frameworkProperty("oort.config.plugins.pollInterval").value("200ms"),
                mavenBundle("org.osgi", "org.osgi.util.function", "1.2.0"),
                mavenBundle("org.osgi", "org.osgi.util.promise", "1.3.0"),
                mavenBundle("org.osgi", "org.osgi.service.component", "1.5.1"),
                mavenBundle("org.apache.felix", "org.apache.felix.scr", "2.2.18"),
                mavenBundle("org.apache.felix", "org.apache.felix.http.servlet-api", "3.0.0"),
                mavenBundle("com.fasterxml.jackson.core", "jackson-annotations", System.getProperty("jackson.annotations.version")),
                mavenBundle("com.fasterxml.jackson.core", "jackson-core", System.getProperty("jackson.version")),
                mavenBundle("com.fasterxml.jackson.core", "jackson-databind", System.getProperty("jackson.version")),
                mavenBundle("org.yaml", "snakeyaml", System.getProperty("snakeyaml.version")),
                mavenBundle("com.h2database", "h2", System.getProperty("h2.version")),
                bundle(new File(System.getProperty("oort.engine.sql.jar")).toURI().toString()),
                bundle(new File(System.getProperty("oort.engine.core.jar")).toURI().toString()),
                mavenBundle("org.apache.felix", "org.apache.felix.fileinstall", "3.7.4"),
                junitBundles());
    }

    @Before
    public void watchTheEngine() throws Exception {
        for (Bundle b : ctx.getBundles()) {
            if ("io.oort.engine.core".equals(b.getSymbolicName())) {
                engine = b;
            }
        }
        assertNotNull("engine.core is installed", engine);
        waitFor("engine.core active", () -> engine.getState() == Bundle.ACTIVE);
        waitFor("plugin service", () -> reference("io.oort.engine.core.internal.plugin.PluginService") != null);
        engineService = service("io.oort.engine.core.internal.service.EngineService");
        engineModified = engine.getLastModified();
        long id = engine.getBundleId();
        watch = e -> {
            if (e.getBundle().getBundleId() == id) {
                engineEvents.add("event " + e.getType());
            }
        };
        ctx.addBundleListener(watch);
        sources = Files.createTempDirectory("oort-plugin-src");
    }

    /** After every test: engine.core saw no lifecycle event, kept its activation and its component instance. */
    @After
    public void theEngineWasNeverTouched() throws Exception {
        ctx.removeBundleListener(watch);
        assertEquals("engine.core saw no lifecycle event", List.of(), engineEvents);
        assertEquals(Bundle.ACTIVE, engine.getState());
        assertEquals(engineModified, engine.getLastModified());
        assertSame("the engine component was not re-activated", engineService,
                service("io.oort.engine.core.internal.service.EngineService"));
    }

    @Test
    public void connectorPluginsInstallUpdateAndUninstallUnderRunningRules() throws Exception {
        Path v1 = source("plugsrc-1.jar", FixtureBundles.connector("io.oort.itest.plug", "1.0.0", "plugsrc"));
        Path v2 = source("plugsrc-2.jar", FixtureBundles.connector("io.oort.itest.plug", "2.0.0", "plugsrc"));
        Map<String, Object> info = map(plugins("install", kind("SOURCES"), "plugsrc", url(v1), sha256(v1), List.of()));
        assertEquals("1.0.0", info.get("version"));
        assertEquals(List.of("plugsrc"), info.get("sources"));
        assertTrue(Files.exists(pluginsDir().resolve("plugsrc.jar")));

        call(call(engineService, "catalog"), "create",
                "CREATE STREAM plug_s () WITH (TYPE=\"plugsrc\", DATASOURCE=\"x\", FORMAT=\"json\")");
        createRule("{\"id\":\"plug_r\",\"sql\":\"SELECT * FROM plug_s\",\"actions\":[{\"nop\":{}}]}");
        waitFor("rule running", () -> "running".equals(status("plug_r").get("status")));

        // update: the rule restarts on the new version
        info = map(plugins("update", kind("SOURCES"), "plugsrc", url(v2), null, List.of()));
        assertEquals("2.0.0", info.get("version"));
        assertEquals(List.of("plug_r"), info.get("rules"));
        waitFor("rule running on 2.0.0", () -> "running".equals(status("plug_r").get("status")));
        Bundle current = bundleAt("plugsrc.jar");
        long modified = current.getLastModified();
        Object started = status("plug_r").get("lastStartTimestamp");

        // refused updates leave version 2.0.0 serving, the rule not even restarted
        Path failing = source("failing.jar", PluginFixtures.failing("io.oort.itest.plug", "3.0.0"));
        assertTrue(refusal(() -> plugins("update", kind("SOURCES"), "plugsrc", url(failing), null, List.of()))
                .matches("bundle io.oort.itest.plug 3.0.0 failed to start: .*the fixture refuses to start.*"));
        Path unresolvable = source("unres.jar", PluginFixtures.unresolvable("io.oort.itest.plug", "3.0.0"));
        String unres = refusal(() -> plugins("update", kind("SOURCES"), "plugsrc", url(unresolvable), null, List.of()));
        assertTrue(unres, unres.startsWith("bundle io.oort.itest.plug 3.0.0 failed to resolve:")
                && unres.contains("com.acme.missing"));
        assertTrue(refusal(() -> plugins("update", kind("SOURCES"), "plugsrc", url(v1), "0".repeat(64), List.of()))
                .startsWith("checksum mismatch"));
        Path plain = source("plain.jar", PluginFixtures.notABundle());
        assertEquals("not an OSGi bundle: the jar's manifest has no Bundle-SymbolicName",
                refusal(() -> plugins("update", kind("SOURCES"), "plugsrc", url(plain), null, List.of())));
        assertSame(current, bundleAt("plugsrc.jar"));
        assertEquals(modified, current.getLastModified());
        assertEquals("2.0.0", current.getVersion().toString());
        assertEquals("running", status("plug_r").get("status"));
        assertEquals(started, status("plug_r").get("lastStartTimestamp"));
        assertFalse("no trial bundle is left", List.of(ctx.getBundles()).stream()
                .anyMatch(b -> b.getLocation().startsWith("oort-trial:")));

        // uninstall: the rule waits and says why, the stream stays defined
        plugins("uninstall", kind("SOURCES"), "plugsrc");
        assertFalse(Files.exists(pluginsDir().resolve("plugsrc.jar")));
        assertEquals("stopped", status("plug_r").get("status"));
        assertEquals("connector plugsrc is not installed", status("plug_r").get("message"));
        assertNotNull(call(call(engineService, "catalog"), "lookup", "plug_s"));

        // installed again: the rule starts by itself
        plugins("install", kind("SOURCES"), "plugsrc", url(v1), null, List.of());
        waitFor("rule running again", () -> "running".equals(status("plug_r").get("status")));
        call(call(engineService, "rules"), "delete", "plug_r");
        plugins("uninstall", kind("SOURCES"), "plugsrc");
    }

    @Test
    public void functionPluginsComeAndGoWhileRulesUseThem() throws Exception {
        call(call(engineService, "catalog"), "create",
                "CREATE STREAM fn_in () WITH (TYPE=\"memory\", DATASOURCE=\"fn_in\", FORMAT=\"json\")");
        BlockingQueue<Map<String, Object>> out = new LinkedBlockingQueue<>();
        Consumer<Map<String, Object>> sink = out::add;
        AutoCloseable sub = (AutoCloseable) call(call(engineService, "memoryBus"), "subscribe", "fn_out", sink);
        try {
            Path f2 = source("fns-2.jar", PluginFixtures.function("io.oort.itest.fns", "1.0.0", 2));
            Map<String, Object> info = map(plugins("install", kind("FUNCTIONS"), "itestfns", url(f2), null,
                    List.of("itest_scale", "itest_spread")));
            assertEquals(List.of("itest_scale", "itest_spread"), info.get("functions"));
            createRule("{\"id\":\"fn_r\",\"sql\":\"SELECT itest_scale(v) AS s FROM fn_in\","
                    + "\"actions\":[{\"memory\":{\"topic\":\"fn_out\"}}]}");
            createRule("{\"id\":\"fn_agg\",\"sql\":\"SELECT itest_spread(v) AS d FROM fn_in GROUP BY COUNTWINDOW(2)\","
                    + "\"actions\":[{\"memory\":{\"topic\":\"fn_out\"}}]}");
            assertEquals("running", status("fn_r").get("status"));
            publish(21L);
            publish(25L);
            assertEquals(Map.of(42L, 1, 50L, 1, 4L, 1), counts(out, 3));

            Path f3 = source("fns-3.jar", PluginFixtures.function("io.oort.itest.fns", "1.1.0", 3));
            plugins("update", kind("FUNCTIONS"), "itestfns", url(f3), null, List.of());
            waitFor("rules running on 1.1.0", () -> "running".equals(status("fn_r").get("status"))
                    && "running".equals(status("fn_agg").get("status")));
            publish(21L);
            assertEquals(Map.of(63L, 1), counts(out, 1));

            String bad = refusal(() -> plugins("install", kind("FUNCTIONS"), "other", url(f3), null, List.of()));
            assertTrue(bad, bad.contains("bundle io.oort.itest.fns is already installed as plugin itestfns"));

            plugins("uninstall", kind("FUNCTIONS"), "itest_scale");
            assertEquals("stopped", status("fn_r").get("status"));
            assertEquals("function itest_scale is not installed", status("fn_r").get("message"));
            assertEquals("function itest_spread is not installed", status("fn_agg").get("message"));

            Path f5 = source("fns-5.jar", PluginFixtures.function("io.oort.itest.fns", "2.0.0", 5));
            plugins("install", kind("FUNCTIONS"), "itestfns", url(f5), null, List.of());
            waitFor("rule running again", () -> "running".equals(status("fn_r").get("status")));
            publish(21L);
            assertEquals(Map.of(105L, 1), counts(out, 1));
            call(call(engineService, "rules"), "delete", "fn_r");
            call(call(engineService, "rules"), "delete", "fn_agg");
            plugins("uninstall", kind("FUNCTIONS"), "itestfns");
        } finally {
            sub.close();
        }
    }

    @Test
    public void engineAndFrameworkBundlesCannotBeManagedAsPlugins() throws Exception {
        assertTrue(refusal(() -> plugins("uninstall", kind("SOURCES"), "memory"))
                .startsWith("memory is part of io.oort.engine.core"));
        assertTrue(refusal(() -> plugins("uninstall", null, "io.oort.engine.core"))
                .contains("an engine or framework bundle, not a plugin"));
        assertTrue(refusal(() -> plugins("uninstall", null, "org.apache.felix.scr"))
                .contains("an engine or framework bundle, not a plugin"));
        Path evil = source("evil.jar", PluginFixtures.engineNamed(engine.getVersion().toString()));
        assertTrue(refusal(() -> plugins("install", null, "evil", url(evil), null, List.of()))
                .startsWith("bundle io.oort.engine.core is an engine or framework bundle"));
        assertEquals("plugin nothing is not found", refusal(() -> plugins("uninstall", null, "nothing")));
    }

    @Test
    public void droppedZipsAndJarsGoThroughTheSameChecks() throws Exception {
        // an eKuiper-style zip: the bundle and its conf keys, written elsewhere and moved in
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("dropzip.jar", FixtureBundles.connector("io.oort.itest.dropzip", "1.0.0", "dropzsrc"));
        entries.put("dropzsrc.yaml", "default:\n  interval: 1s\n".getBytes());
        Path staged = source("dropzip.zip", PluginFixtures.zip(entries));
        Files.move(staged, pluginsDir().resolve("dropzip.zip"), StandardCopyOption.ATOMIC_MOVE);
        waitFor("zip installed", () -> bundleAt("dropzip.jar") != null
                && bundleAt("dropzip.jar").getState() == Bundle.ACTIVE);
        waitFor("zip consumed", () -> !Files.exists(pluginsDir().resolve("dropzip.zip")));
        Path yaml = Paths.get(ctx.getProperty("oort.home"), "etc/sources/dropzsrc.yaml");
        assertTrue(Files.readString(yaml).contains("interval: 1s"));
        plugins("uninstall", null, "dropzsrc");
        assertFalse("the conf keys the zip installed are removed", Files.exists(yaml));

        // a zip with a path traversal is refused and renamed
        Map<String, byte[]> evil = new LinkedHashMap<>();
        evil.put("x.jar", FixtureBundles.connector("io.oort.itest.evilzip", "1.0.0", "evilsrc"));
        evil.put("../../escaped.yaml", "a: 1".getBytes());
        Files.move(source("evil.zip", PluginFixtures.zip(evil)), pluginsDir().resolve("evil.zip"),
                StandardCopyOption.ATOMIC_MOVE);
        waitFor("zip rejected", () -> Files.exists(pluginsDir().resolve("evil.zip.rejected")));
        assertFalse(Files.exists(pluginsDir().getParent().getParent().resolve("escaped.yaml")));
        Files.delete(pluginsDir().resolve("evil.zip.rejected"));

        // jars posing as the engine, dropped in by hand. With the engine's own version FileInstall would update
        // engine.core in place if it could see it; it cannot, so it installs a second bundle — or the framework
        // refuses the duplicate. With another version it is installed. Either way the impostor never resolves.
        for (String version : List.of(engine.getVersion().toString(), "99.0.0")) {
            Path impostor = pluginsDir().resolve("impostor.jar");
            Files.move(source("impostor.jar", PluginFixtures.engineNamed(version)), impostor,
                    StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            if (!version.equals("99.0.0")) {
                // FileInstall either installs it or logs the refused duplicate; give it a few polls of its own
                waitFor("FileInstall saw the impostor", () -> bundleAt("impostor.jar") != null
                        || pollsSince(impostor) >= 3);
            } else {
                waitFor("impostor installed by FileInstall", () -> bundleAt("impostor.jar") != null);
            }
            Bundle b = bundleAt("impostor.jar");
            if (b != null) {
                try {
                    b.start();
                    fail("a bundle named io.oort.engine.core from plugins/ must not resolve");
                } catch (org.osgi.framework.BundleException e) {
                    assertEquals(Bundle.INSTALLED, b.getState());
                }
            }
            Files.delete(impostor);
            waitFor("impostor gone", () -> bundleAt("impostor.jar") == null);
        }
    }

    /** How many FileInstall polls (200 ms) have passed since a file was last modified. */
    private static long pollsSince(Path file) {
        try {
            return (System.currentTimeMillis() - Files.getLastModifiedTime(file).toMillis()) / 200;
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    // --- helpers ---------------------------------------------------------------------------------------------

    private Path pluginsDir() {
        return Paths.get(ctx.getProperty("felix.fileinstall.dir"));
    }

    private Path source(String name, byte[] content) throws Exception {
        return Files.write(sources.resolve(name), content);
    }

    private static String url(Path p) {
        return p.toUri().toString();
    }

    private static String sha256(Path p) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
    }

    /** The bundle FileInstall installed from a file of the plugins folder (its location is the file's URI). */
    private Bundle bundleAt(String file) {
        Path path = pluginsDir().resolve(file).toAbsolutePath().normalize();
        for (Bundle b : ctx.getBundles()) {
            if (b.getLocation().startsWith("file:") && b.getState() != Bundle.UNINSTALLED
                    && Paths.get(java.net.URI.create(b.getLocation())).normalize().equals(path)) {
                return b;
            }
        }
        return null;
    }

    private Object kind(String name) throws Exception {
        @SuppressWarnings({"unchecked", "rawtypes"})
        Object k = Enum.valueOf((Class) engine.loadClass("io.oort.engine.core.internal.plugin.PluginKind"), name);
        return k;
    }

    private Object plugins(String method, Object... args) throws Exception {
        return call(service("io.oort.engine.core.internal.plugin.PluginService"), method, args);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object pluginInfo) throws Exception {
        return (Map<String, Object>) call(pluginInfo, "toMap");
    }

    @FunctionalInterface
    private interface Action {
        void run() throws Exception;
    }

    /** The message of the PluginException an action is refused with. */
    private static String refusal(Action a) throws Exception {
        try {
            a.run();
        } catch (Exception e) {
            if (e.getClass().getName().endsWith("PluginException")) {
                return e.getMessage();
            }
            throw e;
        }
        fail("expected a refusal");
        return null;
    }

    private void createRule(String json) throws Exception {
        Class<?> ruleDef = engine.loadClass("io.oort.engine.core.internal.rule.RuleDef");
        Object def = ruleDef.getMethod("parse", String.class, String.class).invoke(null, json, null);
        call(call(engineService, "rules"), "create", def);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> status(String id) {
        try {
            return (Map<String, Object>) call(call(engineService, "rules"), "status", id);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void publish(long v) throws Exception {
        call(call(engineService, "memoryBus"), "publish", "fn_in", Map.of("v", v));
    }

    /** The next {@code n} results as value → count (the first value of each row). */
    private static Map<Object, Integer> counts(BlockingQueue<Map<String, Object>> out, int n) throws Exception {
        Map<Object, Integer> c = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            Map<String, Object> row = out.poll(10, TimeUnit.SECONDS);
            assertNotNull("result " + (i + 1) + " of " + n, row);
            c.merge(row.values().iterator().next(), 1, Integer::sum);
        }
        return c;
    }

    private ServiceReference<?> reference(String className) {
        try {
            ServiceReference<?>[] refs = ctx.getAllServiceReferences(className, null);
            return refs == null ? null : refs[0];
        } catch (Exception e) {
            return null;
        }
    }

    private Object service(String className) {
        ServiceReference<?> ref = reference(className);
        assertNotNull(className + " is registered", ref);
        return ctx.getService(ref);
    }

    private static Object call(Object target, String name, Object... args) throws Exception {
        for (Method m : target.getClass().getMethods()) {
            if (m.getName().equals(name) && m.getParameterCount() == args.length) {
                try {
                    return m.invoke(target, args);
                } catch (InvocationTargetException e) {
                    if (e.getCause() instanceof Exception ex) {
                        throw ex;
                    }
                    throw e;
                }
            }
        }
        throw new NoSuchMethodException(target.getClass().getName() + "." + name);
    }

    private static void waitFor(String what, Supplier<Boolean> condition) throws InterruptedException {
        Dist.waitFor(what, 20, condition::get);
    }
}
