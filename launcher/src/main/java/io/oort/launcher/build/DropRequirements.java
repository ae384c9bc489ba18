package io.oort.launcher.build;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * Build step of the distribution (not used at run time): rewrites a bundle's manifest without the
 * {@code Require-Capability} clauses that mention a given namespace, leaving every other entry as it was.
 *
 * <p>Used on the embedded Jetty bundle: its optional {@code osgi.serviceloader} requirements make SPI Fly rewrite
 * every Jetty class with ASM as it loads (about a third of the engine's start-up CPU and 12 MB of resident memory),
 * only to find optional HTTP/2-3 field pre-encoders and TLS ALPN processors the plain HTTP/1.1 REST API never uses.
 *
 * <p>Usage: {@code DropRequirements <jar> <namespace>}; the jar is replaced atomically; a jar without such clauses is
 * left untouched.
 */
public final class DropRequirements {
    private static final Attributes.Name REQUIRE = new Attributes.Name("Require-Capability");

    private DropRequirements() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: DropRequirements <jar> <namespace>");
        }
        Path jar = Path.of(args[0]);
        int dropped = rewrite(jar, args[1]);
        System.out.println(jar.getFileName() + ": dropped " + dropped + " " + args[1] + " requirement(s)");
    }

    /** Rewrites {@code jar} in place; returns how many clauses were dropped. */
    static int rewrite(Path jar, String namespace) throws IOException {
        Manifest mf;
        try (JarFile in = new JarFile(jar.toFile())) {
            mf = in.getManifest();
        }
        String value = mf == null ? null : mf.getMainAttributes().getValue(REQUIRE);
        if (value == null) {
            return 0;
        }
        List<String> kept = new ArrayList<>();
        int dropped = 0;
        for (String clause : clauses(value)) {
            String ns = clause.split(";", 2)[0].trim();
            if (ns.equals(namespace) || (ns.equals("osgi.extender") && clause.contains("(osgi.extender=" + namespace))) {
                dropped++;
            } else {
                kept.add(clause);
            }
        }
        if (dropped == 0) {
            return 0;
        }
        if (kept.isEmpty()) {
            mf.getMainAttributes().remove(REQUIRE);
        } else {
            mf.getMainAttributes().put(REQUIRE, String.join(",", kept));
        }
        Path tmp = Files.createTempFile(jar.getParent(), jar.getFileName().toString(), ".tmp");
        try (JarFile in = new JarFile(jar.toFile());
                OutputStream os = Files.newOutputStream(tmp);
                JarOutputStream out = new JarOutputStream(os, mf)) {
            var entries = in.entries();
            while (entries.hasMoreElements()) {
                JarEntry e = entries.nextElement();
                if (e.getName().equalsIgnoreCase(JarFile.MANIFEST_NAME) || e.getName().equalsIgnoreCase("META-INF/")) {
                    continue;
                }
                JarEntry copy = new JarEntry(e.getName());
                copy.setTime(e.getTime());
                out.putNextEntry(copy);
                try (InputStream is = in.getInputStream(e)) {
                    is.transferTo(out);
                }
                out.closeEntry();
            }
        }
        Files.move(tmp, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return dropped;
    }

    /** Splits a header at top-level commas (not inside double quotes). */
    static List<String> clauses(String header) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        if (cur.length() > 0) {
            out.add(cur.toString());
        }
        return out;
    }
}
