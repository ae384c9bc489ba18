package io.oort.itest;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.mavenBundle;
import static org.ops4j.pax.exam.CoreOptions.options;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleEvent;
import org.osgi.framework.BundleListener;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.wiring.FrameworkWiring;

/**
 * In a real Felix framework with SCR: a connector bundle is installed (its type is listed and rules using it run),
 * updated to a new version (the registry rebinds, rules restart on it), uninstalled (gone; its rules report
 * "connector ... is not installed") and installed again (rules run again) — while engine.core is never refreshed,
 * restarted or re-activated.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ConnectorHotSwapIT {

    private static final String TYPE = "itestsrc";

    @Inject
    private BundleContext ctx;

    @Configuration
    public Option[] config() {
        return options(
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
                junitBundles());
    }

    private Bundle engineBundle() {
        for (Bundle b : ctx.getBundles()) {
            if ("io.oort.engine.core".equals(b.getSymbolicName())) {
                return b;
            }
        }
        throw new AssertionError("engine.core is not installed");
    }

    private Object service(String className) throws Exception {
        ServiceReference<?>[] refs = ctx.getAllServiceReferences(className, null);
        assertNotNull(className + " is not registered", refs);
        return ctx.getService(refs[0]);
    }

    private static Object call(Object target, String name, Object... args) throws Exception {
        for (Method m : target.getClass().getMethods()) {
            if (m.getName().equals(name) && m.getParameterCount() == args.length) {
                return m.invoke(target, args);
            }
        }
        throw new NoSuchMethodException(target.getClass().getName() + "." + name);
    }

    private static void waitFor(String what, Supplier<Boolean> condition) throws InterruptedException {
        Dist.waitFor(what, 15, condition::get);
    }

    private String connectors(Object commands) {
        try {
            return (String) call(commands, "connectors");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> ruleStatus(Object engine, String id) {
        try {
            return (Map<String, Object>) call(call(engine, "rules"), "status", id);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void refresh(Bundle b) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        ctx.getBundle(0).adapt(FrameworkWiring.class).refreshBundles(List.of(b), e -> {
            if (e.getType() == FrameworkEvent.PACKAGES_REFRESHED) {
                done.countDown();
            }
        });
        assertTrue("refresh finished", done.await(15, TimeUnit.SECONDS));
    }

    @Test
    public void connectorBundlesComeAndGoWhileTheEngineKeepsRunning() throws Exception {
        Bundle engine = engineBundle();
        waitFor("engine.core active", () -> engine.getState() == Bundle.ACTIVE);
        Object engineService = service("io.oort.engine.core.internal.service.EngineService");
        Object commands = service("io.oort.engine.core.internal.shell.OortCommands");
        long engineId = engine.getBundleId();
        long engineModified = engine.getLastModified();
        List<String> engineEvents = Collections.synchronizedList(new ArrayList<>());
        BundleListener watch = e -> {
            if (e.getBundle().getBundleId() == engineId) {
                engineEvents.add(eventName(e.getType()));
            }
        };
        ctx.addBundleListener(watch);
        try {
            // install: the type is listed, a rule on it runs
            Bundle connector = ctx.installBundle("fixture:itest-connector",
                    new ByteArrayInputStream(FixtureBundles.connector("io.oort.itest.connector", "1.0.0", TYPE)));
            connector.start();
            waitFor("type listed after install", () -> connectors(commands).matches("(?s).*" + TYPE + "\\s+source\\s+io.oort.itest.connector\\s+1\\.0\\.0.*"));
            call(call(engineService, "catalog"), "create",
                    "CREATE STREAM itest_s () WITH (TYPE=\"" + TYPE + "\", DATASOURCE=\"x\", FORMAT=\"json\")");
            Class<?> ruleDef = engine.loadClass("io.oort.engine.core.internal.rule.RuleDef");
            Object def = ruleDef.getMethod("parse", String.class, String.class).invoke(null,
                    "{\"id\":\"itest_r\",\"sql\":\"SELECT * FROM itest_s\",\"actions\":[{\"nop\":{}}]}", null);
            call(call(engineService, "rules"), "create", def);
            waitFor("rule running", () -> "running".equals(ruleStatus(engineService, "itest_r").get("status")));

            // update to a new version: the registry rebinds, the rule restarts on it
            connector.update(new ByteArrayInputStream(
                    FixtureBundles.connector("io.oort.itest.connector", "2.0.0", TYPE)));
            refresh(connector);
            waitFor("new version listed", () -> connectors(commands).contains("2.0.0"));
            waitFor("rule running on the new version",
                    () -> "running".equals(ruleStatus(engineService, "itest_r").get("status")));

            // uninstall: the type is gone, the rule waits for it and says why
            connector.uninstall();
            refresh(connector);
            waitFor("type gone", () -> !connectors(commands).contains(TYPE));
            Map<String, Object> waiting = ruleStatus(engineService, "itest_r");
            assertEquals("stopped", waiting.get("status"));
            assertEquals("connector " + TYPE + " is not installed", waiting.get("message"));

            // installed again: the rule starts by itself
            Bundle again = ctx.installBundle("fixture:itest-connector-again",
                    new ByteArrayInputStream(FixtureBundles.connector("io.oort.itest.connector", "3.0.0", TYPE)));
            again.start();
            waitFor("rule running again",
                    () -> "running".equals(ruleStatus(engineService, "itest_r").get("status")));
            again.uninstall();
            refresh(again);
        } finally {
            ctx.removeBundleListener(watch);
        }
        // the engine was never touched
        assertEquals(Bundle.ACTIVE, engine.getState());
        assertEquals(engineId, engineBundle().getBundleId());
        assertEquals(engineModified, engine.getLastModified());
        assertEquals("engine.core saw no lifecycle event", List.of(), engineEvents);
        assertSame("the engine component was not re-activated", engineService,
                service("io.oort.engine.core.internal.service.EngineService"));
    }

    private static String eventName(int type) {
        return switch (type) {
            case BundleEvent.STARTED -> "STARTED";
            case BundleEvent.STOPPED -> "STOPPED";
            case BundleEvent.RESOLVED -> "RESOLVED";
            case BundleEvent.UNRESOLVED -> "UNRESOLVED";
            case BundleEvent.UPDATED -> "UPDATED";
            default -> "event " + type;
        };
    }
}
