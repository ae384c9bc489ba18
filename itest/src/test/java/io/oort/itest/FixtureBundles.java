package io.oort.itest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** Builds connector bundles at test time from the fixture classes, with a chosen type and version. */
final class FixtureBundles {

    private static final String[] CLASSES = {"FixtureActivator", "FixtureProvider", "FixtureSource"};

    private FixtureBundles() {
    }

    static byte[] connector(String symbolicName, String version, String type) throws IOException {
        Manifest mf = new Manifest();
        Attributes a = mf.getMainAttributes();
        a.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        a.putValue("Bundle-ManifestVersion", "2");
        a.putValue("Bundle-SymbolicName", symbolicName);
        a.putValue("Bundle-Version", version);
        a.putValue("Bundle-Activator", "io.oort.itest.fixture.FixtureActivator");
        a.putValue("Import-Package", "io.oort.engine.core.api;version=\"[1.0,2)\",org.osgi.framework");
        a.putValue("X-Oort-Test-Type", type);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JarOutputStream jar = new JarOutputStream(out, mf)) {
            for (String c : CLASSES) {
                String path = "io/oort/itest/fixture/" + c + ".class";
                jar.putNextEntry(new JarEntry(path));
                try (InputStream in = FixtureBundles.class.getClassLoader().getResourceAsStream(path)) {
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
}
