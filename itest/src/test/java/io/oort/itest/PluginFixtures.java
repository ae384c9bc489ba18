package io.oort.itest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Plugin files the plugin-management tests build at test time: function bundles, bundles that fail to start or to
 * resolve, jars that are not bundles, a jar posing as the engine, and eKuiper-style zips.
 */
final class PluginFixtures {

    private static final String FIXTURE = "io/oort/itest/fixture/";

    private PluginFixtures() {
    }

    /** A function plugin: itest_scale multiplies by {@code factor}; itest_spread is max - min. */
    static byte[] function(String bsn, String version, long factor) throws IOException {
        Map<String, String> h = headers(bsn, version,
                "io.oort.engine.core.api.function;version=\"[1.0,2)\",org.osgi.framework");
        h.put("Bundle-Activator", "io.oort.itest.fixture.fn.FunctionFixtureActivator");
        h.put("X-Oort-Test-Factor", String.valueOf(factor));
        return jar(h, List.of(FIXTURE + "fn/FunctionFixtureActivator.class",
                FIXTURE + "fn/FunctionFixtureActivator$1.class", FIXTURE + "fn/FunctionFixtureActivator$2.class"));
    }

    /** A connector bundle whose activator throws. */
    static byte[] failing(String bsn, String version) throws IOException {
        Map<String, String> h = headers(bsn, version, "io.oort.engine.core.api;version=\"[1.0,2)\",org.osgi.framework");
        h.put("Bundle-Activator", "io.oort.itest.fixture.FailingActivator");
        return jar(h, List.of(FIXTURE + "FailingActivator.class"));
    }

    /** A connector bundle importing a package nobody exports. */
    static byte[] unresolvable(String bsn, String version) throws IOException {
        return jar(headers(bsn, version, "io.oort.engine.core.api;version=\"[1.0,2)\",com.acme.missing;version=\"1.0\""),
                List.of());
    }

    /** A plain jar. */
    static byte[] notABundle() throws IOException {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Main-Class", "x.Main");
        return jar(h, List.of());
    }

    /** A jar claiming to be the engine. */
    static byte[] engineNamed(String version) throws IOException {
        return jar(headers("io.oort.engine.core", version, "io.oort.engine.core.api"), List.of());
    }

    static Map<String, String> headers(String bsn, String version, String imports) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Bundle-ManifestVersion", "2");
        h.put("Bundle-SymbolicName", bsn);
        h.put("Bundle-Version", version);
        h.put("Import-Package", imports);
        return h;
    }

    static byte[] jar(Map<String, String> headers, List<String> classes) throws IOException {
        Manifest mf = new Manifest();
        Attributes a = mf.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        headers.forEach(a::putValue);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(out, mf)) {
            for (String path : classes) {
                jar.putNextEntry(new JarEntry(path));
                try (InputStream in = PluginFixtures.class.getClassLoader().getResourceAsStream(path)) {
                    if (in == null) {
                        throw new IOException("fixture class not found: " + path);
                    }
                    in.transferTo(jar);
                }
                jar.closeEntry();
            }
        }
        return out.toByteArray();
    }

    /** A zip of entries, in order. */
    static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
