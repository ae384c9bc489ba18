package io.oort.engine.core.internal.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginArchiveTest {

    @TempDir
    Path dir;

    private Path file(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    private String refusal(byte[] content) throws IOException {
        Path f = file("p.bin", content);
        return assertThrows(PluginException.class, () -> PluginArchive.read(f)).getMessage();
    }

    @Test
    void aConnectorBundleIsAccepted() throws Exception {
        PluginArchive a = PluginArchive.read(file("x.jar", Jars.jar(Jars.bundleHeaders("com.acme.random", "1.2.3"))));
        assertEquals("com.acme.random", a.symbolicName());
        assertEquals("1.2.3", a.version().toString());
        assertTrue(a.conf().isEmpty());
    }

    @Test
    void aFunctionBundleIsAccepted() throws Exception {
        Map<String, String> h = Jars.bundleHeaders("com.acme.fn;singleton:=true", "1.0.0");
        h.put("Import-Package", "org.slf4j;version=\"[1.7,3)\",io.oort.engine.core.api.function;version=\"[1.0,2)\"");
        assertEquals("com.acme.fn", PluginArchive.read(file("f.jar", Jars.jar(h))).symbolicName());
    }

    @Test
    void aJarThatIsNotABundleIsRefused() throws Exception {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Main-Class", "x.Y");
        assertEquals("not an OSGi bundle: the jar's manifest has no Bundle-SymbolicName", refusal(Jars.jar(h)));
        byte[] noManifest = Jars.zip(Map.of("a/B.class", Jars.bytes("x"), "lib/c.jar", Jars.bytes("x"),
                "lib/d.jar", Jars.bytes("x")));
        assertTrue(refusal(noManifest).startsWith("the zip carries no bundle jar"), refusal(noManifest));
        assertTrue(refusal(Jars.bytes("hello")).startsWith("not a jar or zip file"), refusal(Jars.bytes("hello")));
    }

    @Test
    void oldBundlesFragmentsAndEngineBundlesAreRefused() throws Exception {
        Map<String, String> r3 = Jars.bundleHeaders("com.acme.old", "1.0.0");
        r3.remove("Bundle-ManifestVersion");
        assertEquals("not an OSGi R4+ bundle: com.acme.old has Bundle-ManifestVersion null, expected 2",
                refusal(Jars.jar(r3)));
        Map<String, String> fragment = Jars.bundleHeaders("com.acme.frag", "1.0.0");
        fragment.put("Fragment-Host", "io.oort.engine.core");
        assertEquals("bundle com.acme.frag is a fragment: fragments cannot be managed as plugins",
                refusal(Jars.jar(fragment)));
        assertEquals("bundle io.oort.engine.core is an engine or framework bundle: only connector and function "
                + "bundles can be managed as plugins", refusal(Jars.jar(Jars.bundleHeaders("io.oort.engine.core",
                        "0.1.0"))));
        assertTrue(refusal(Jars.jar(Jars.bundleHeaders("org.apache.felix.scr", "2.2.18")))
                .contains("engine or framework bundle"));
    }

    @Test
    void aBundleThatDoesNotImportTheSpiIsNotAPlugin() throws Exception {
        Map<String, String> h = Jars.bundleHeaders("com.acme.lib", "1.0.0");
        h.put("Import-Package", "org.slf4j,io.oort.engine.core.apix");
        assertEquals("bundle com.acme.lib does not import Oort's connector or function SPI (io.oort.engine.core.api, "
                + "io.oort.engine.core.api.function): only connector and function bundles can be managed as plugins",
                refusal(Jars.jar(h)));
    }

    @Test
    void anEkuiperStyleZipCarriesTheJarAndItsConfiguration() throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("random.jar", Jars.jar(Jars.bundleHeaders("com.acme.random", "1.0.0")));
        entries.put("random.yaml", Jars.bytes("default:\n  seed: 1\n"));
        entries.put("random.json", Jars.bytes("{}"));
        entries.put("etc/", new byte[0]);
        entries.put("etc/extra.conf", Jars.bytes("k=v"));
        entries.put("install.sh", Jars.bytes("#!/bin/sh"));
        PluginArchive a = PluginArchive.read(file("random.zip", Jars.zip(entries)));
        assertEquals("com.acme.random", a.symbolicName());
        assertEquals(List.of("random.yaml", "random.json", "etc/extra.conf"),
                a.conf().stream().map(PluginArchive.ConfFile::path).toList());
        assertEquals(List.of("install.sh"), a.ignored());
    }

    @Test
    void pathTraversalInAZipIsRefused() throws Exception {
        for (String evil : List.of("../evil.yaml", "etc/../../x", "/etc/passwd", "..\\x.yaml", "C:/x.yaml")) {
            Map<String, byte[]> entries = new LinkedHashMap<>();
            entries.put("random.jar", Jars.jar(Jars.bundleHeaders("com.acme.random", "1.0.0")));
            entries.put(evil, Jars.bytes("x"));
            String m = refusal(Jars.zip(entries));
            assertTrue(m.startsWith("unsafe path in archive: '" + evil + "'"), m);
        }
        String inJar = refusal(Jars.jar(Jars.bundleHeaders("com.acme.random", "1.0.0"), "../../x.class"));
        assertTrue(inJar.startsWith("unsafe path in archive"), inJar);
    }

    @Test
    void goPluginsAndSeveralJarsAreRefused() throws Exception {
        assertEquals("the zip carries a Go plugin (Random@v1.0.0.so), which cannot run on Oort: a plugin zip must "
                + "carry an OSGi bundle jar", refusal(Jars.zip(Map.of("Random@v1.0.0.so", Jars.bytes("elf"),
                        "random.yaml", Jars.bytes("a: 1")))));
        Map<String, byte[]> two = new LinkedHashMap<>();
        two.put("a.jar", Jars.jar(Jars.bundleHeaders("com.acme.a", "1.0.0")));
        two.put("b.jar", Jars.jar(Jars.bundleHeaders("com.acme.b", "1.0.0")));
        assertEquals("the zip carries several jars (a.jar, b.jar): a plugin is one bundle", refusal(Jars.zip(two)));
    }

    @Test
    void packageNamesOfImportHeaders() {
        assertEquals(List.of("a.b", "c.d", "e"), PluginArchive.packageNames(
                "a.b;c.d;version=\"[1.0,2)\";resolution:=optional, e;version=\"1,2\""));
    }
}
