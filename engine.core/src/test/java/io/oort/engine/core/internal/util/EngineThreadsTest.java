package io.oort.engine.core.internal.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.ref.WeakReference;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * A pool thread first started by a plugin's code must not keep the plugin's class loader: an updated connector
 * bundle's old version has to be collectable while the engine's pools live on.
 */
class EngineThreadsTest {

    @Test
    void aPoolThreadStartedByPluginCodeDoesNotKeepThePluginsClassLoader() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(1, EngineThreads.daemon("test-pool"));
        try {
            WeakReference<ClassLoader> plugin = startFirstThreadFromPlugin(pool);
            assertTrue(collected(plugin, 20), "the plugin's class loader is still reachable");
            assertEquals(EngineThreads.class.getClassLoader(), pool.submit(
                    () -> Thread.currentThread().getContextClassLoader()).get(10, TimeUnit.SECONDS),
                    "pool threads use the engine's context class loader");
        } finally {
            pool.shutdownNow();
        }
    }

    /** The reason for EngineThreads, and so a check that the test above can fail: a plain factory leaks. */
    @Test
    void aPlainThreadFactoryKeepsIt() throws Exception {
        Assumptions.assumeTrue(Runtime.version().feature() < 24, "Java 24 dropped the inherited access context");
        ThreadFactory plain = r -> {
            Thread t = new Thread(r, "plain-pool");
            t.setDaemon(true);
            return t;
        };
        ExecutorService pool = Executors.newFixedThreadPool(1, plain);
        try {
            WeakReference<ClassLoader> plugin = startFirstThreadFromPlugin(pool);
            assertFalse(collected(plugin, 3), "a plain pool thread let the plugin's class loader go");
        } finally {
            pool.shutdownNow();
        }
        assertTrue(collected(startFirstThreadFromPluginAndStop(), 20), "collected once the thread ended");
    }

    private static WeakReference<ClassLoader> startFirstThreadFromPluginAndStop() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(1, r -> new Thread(r, "plain-pool-2"));
        WeakReference<ClassLoader> ref = startFirstThreadFromPlugin(pool);
        pool.shutdown();
        assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
        return ref;
    }

    /** Loads {@link PluginCode} in a class loader of its own and lets it submit the pool's first task. */
    @SuppressWarnings("unchecked")
    private static WeakReference<ClassLoader> startFirstThreadFromPlugin(ExecutorService pool) throws Exception {
        PluginLoader loader = new PluginLoader(EngineThreadsTest.class.getClassLoader());
        Class<?> code = loader.loadClass(PluginCode.class.getName());
        assertEquals(loader, code.getClassLoader());
        Thread self = Thread.currentThread();
        ClassLoader previous = self.getContextClassLoader();
        self.setContextClassLoader(loader); // as a connector thread may have it
        try {
            Function<ExecutorService, Boolean> f =
                    (Function<ExecutorService, Boolean>) code.getDeclaredConstructor().newInstance();
            assertTrue(f.apply(pool));
        } finally {
            self.setContextClassLoader(previous);
        }
        return new WeakReference<>(loader);
    }

    /** Whether {@code ref} is cleared within {@code gcs} full collections (a collection clears it, if at all). */
    private static boolean collected(WeakReference<?> ref, int gcs) {
        for (int i = 0; i < gcs && ref.get() != null; i++) {
            System.gc();
        }
        return ref.get() == null;
    }

    /** A plugin's code: runs one task on the pool and waits for it. */
    public static final class PluginCode implements Function<ExecutorService, Boolean> {
        @Override
        public Boolean apply(ExecutorService pool) {
            try {
                return pool.submit(() -> Boolean.TRUE).get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Defines {@link PluginCode} (and its lambdas) itself; everything else comes from the parent. */
    private static final class PluginLoader extends ClassLoader {
        PluginLoader(ClassLoader parent) {
            super(parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith(PluginCode.class.getName())) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                if (c == null) {
                    try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
                        byte[] b = in.readAllBytes();
                        c = defineClass(name, b, 0, b.length);
                    } catch (IOException e) {
                        throw new ClassNotFoundException(name, e);
                    }
                }
                return c;
            }
        }
    }
}
