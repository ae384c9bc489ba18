package io.oort.engine.core.internal.plugin;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.Manifest;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

import org.osgi.framework.Version;

/**
 * A plugin file as downloaded or uploaded, checked before anything is installed: either a bundle jar, or an
 * eKuiper-style plugin zip carrying exactly one bundle jar at its root plus configuration — {@code <type>.yaml}
 * (conf keys), {@code <type>.json} (UI metadata) and an {@code etc/} folder. eKuiper's {@code .so} files and
 * {@code install.sh} have no meaning on a JVM: a Go plugin is refused with that reason, an install script is ignored
 * (a bundle carries its libraries inside). Every entry name is checked for path traversal; sizes are bounded.
 */
public final class PluginArchive {

    /** A configuration file from a zip: its path inside the zip ({@code random.yaml}, {@code etc/x.conf}). */
    public record ConfFile(String path, byte[] content) {
    }

    /** Packages a plugin bundle imports: the connector SPI or the function SPI. */
    static final List<String> SPI_PACKAGES = List.of("io.oort.engine.core.api", "io.oort.engine.core.api.function");

    /** Symbolic names no plugin may take: the engine's and the framework's own bundles. */
    private static final List<String> RESERVED = List.of("io.oort.engine.", "io.oort.launcher", "org.apache.felix.",
            "org.osgi.", "org.eclipse.osgi", "system.bundle");

    private static final int MAX_ENTRIES = 20_000;
    private static final long MAX_UNCOMPRESSED = 512L * 1024 * 1024;

    private final byte[] jar;
    private final String symbolicName;
    private final Version version;
    private final List<ConfFile> conf;
    private final List<String> ignored;

    private PluginArchive(byte[] jar, String symbolicName, Version version, List<ConfFile> conf,
            List<String> ignored) {
        this.jar = jar;
        this.symbolicName = symbolicName;
        this.version = version;
        this.conf = conf;
        this.ignored = ignored;
    }

    /** The bundle jar's bytes. */
    public byte[] jar() {
        return jar;
    }

    public String symbolicName() {
        return symbolicName;
    }

    public Version version() {
        return version;
    }

    /** Configuration files from a zip (empty for a plain jar). */
    public List<ConfFile> conf() {
        return conf;
    }

    /** Zip entries that were not used (install.sh, other files). */
    public List<String> ignored() {
        return ignored;
    }

    /** Reads and checks a jar or plugin zip. */
    public static PluginArchive read(Path file) throws PluginException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            List<String> names = entryNames(zip);
            if (names.contains("META-INF/MANIFEST.MF")) {
                byte[] bytes = Files.readAllBytes(file);
                return ofJar(bytes, List.of(), List.of());
            }
            return ofZip(zip, names);
        } catch (ZipException e) {
            throw PluginException.badRequest("not a jar or zip file: " + e.getMessage());
        } catch (IOException e) {
            throw PluginException.badRequest("cannot read the plugin file: " + e.getMessage());
        }
    }

    private static List<String> entryNames(ZipFile zip) throws PluginException {
        List<String> names = new ArrayList<>();
        Enumeration<? extends ZipEntry> en = zip.entries();
        long total = 0;
        while (en.hasMoreElements()) {
            ZipEntry e = en.nextElement();
            checkEntryName(e.getName());
            names.add(e.getName());
            total += Math.max(0, e.getSize());
            if (names.size() > MAX_ENTRIES || total > MAX_UNCOMPRESSED) {
                throw PluginException.badRequest("the archive is too large once uncompressed (at most " + MAX_ENTRIES
                        + " entries and " + (MAX_UNCOMPRESSED >> 20) + " MB)");
            }
        }
        return names;
    }

    /** Refuses names that would escape the folder they are extracted to. */
    static void checkEntryName(String name) throws PluginException {
        boolean unsafe = name.isEmpty() || name.startsWith("/") || name.startsWith("\\") || name.indexOf('\0') >= 0
                || (name.length() > 1 && name.charAt(1) == ':');
        for (String part : name.split("[/\\\\]")) {
            if (part.equals("..")) {
                unsafe = true;
            }
        }
        if (unsafe) {
            throw PluginException.badRequest("unsafe path in archive: '" + name
                    + "' (absolute paths and '..' are refused)");
        }
    }

    private static PluginArchive ofZip(ZipFile zip, List<String> names) throws PluginException, IOException {
        List<String> jars = new ArrayList<>();
        List<String> goPlugins = new ArrayList<>();
        List<ConfFile> conf = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        for (String n : names) {
            ZipEntry e = zip.getEntry(n);
            if (e.isDirectory()) {
                continue;
            }
            boolean root = n.indexOf('/') < 0;
            if (root && n.endsWith(".jar")) {
                jars.add(n);
            } else if (root && n.endsWith(".so")) {
                goPlugins.add(n);
            } else if (root && (n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".json"))
                    || n.startsWith("etc/")) {
                conf.add(new ConfFile(n, read(zip, e)));
            } else {
                ignored.add(n);
            }
        }
        if (jars.isEmpty()) {
            if (!goPlugins.isEmpty()) {
                throw PluginException.badRequest("the zip carries a Go plugin (" + String.join(", ", goPlugins)
                        + "), which cannot run on Oort: a plugin zip must carry an OSGi bundle jar");
            }
            throw PluginException.badRequest("the zip carries no bundle jar at its root (entries: "
                    + String.join(", ", names.subList(0, Math.min(names.size(), 10))) + ")");
        }
        if (jars.size() > 1) {
            throw PluginException.badRequest("the zip carries several jars (" + String.join(", ", jars)
                    + "): a plugin is one bundle");
        }
        ignored.addAll(goPlugins);
        return ofJar(read(zip, zip.getEntry(jars.get(0))), conf, ignored);
    }

    private static byte[] read(ZipFile zip, ZipEntry e) throws IOException, PluginException {
        try (InputStream in = zip.getInputStream(e)) {
            return readBounded(in, e.getName());
        }
    }

    private static byte[] readBounded(InputStream in, String name) throws IOException, PluginException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[65536];
        long total = 0;
        int n;
        while ((n = in.read(buf)) > 0) {
            total += n;
            if (total > MAX_UNCOMPRESSED) {
                throw PluginException.badRequest(name + " is too large once uncompressed");
            }
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }

    /** Checks a bundle jar: a manifest naming an R4+ bundle that imports the plugin SPI. */
    static PluginArchive ofJar(byte[] jar, List<ConfFile> conf, List<String> ignored) throws PluginException {
        Manifest mf = manifest(jar);
        Attributes a = mf.getMainAttributes();
        String bsnHeader = a.getValue("Bundle-SymbolicName");
        if (bsnHeader == null || bsnHeader.isBlank()) {
            throw PluginException.badRequest("not an OSGi bundle: the jar's manifest has no Bundle-SymbolicName");
        }
        String bsn = bsnHeader.split(";", 2)[0].trim();
        if (!"2".equals(trim(a.getValue("Bundle-ManifestVersion")))) {
            throw PluginException.badRequest("not an OSGi R4+ bundle: " + bsn + " has Bundle-ManifestVersion "
                    + a.getValue("Bundle-ManifestVersion") + ", expected 2");
        }
        Version v;
        try {
            v = a.getValue("Bundle-Version") == null ? Version.emptyVersion
                    : Version.parseVersion(a.getValue("Bundle-Version").trim());
        } catch (IllegalArgumentException e) {
            throw PluginException.badRequest("bundle " + bsn + " has an invalid Bundle-Version: " + e.getMessage());
        }
        if (a.getValue("Fragment-Host") != null) {
            throw PluginException.badRequest("bundle " + bsn + " is a fragment: fragments cannot be managed as plugins");
        }
        if (isReserved(bsn)) {
            throw PluginException.badRequest("bundle " + bsn
                    + " is an engine or framework bundle: only connector and function bundles can be managed as plugins");
        }
        List<String> imports = packageNames(a.getValue("Import-Package"));
        if (SPI_PACKAGES.stream().noneMatch(imports::contains)) {
            throw PluginException.badRequest("bundle " + bsn + " does not import Oort's connector or function SPI ("
                    + String.join(", ", SPI_PACKAGES)
                    + "): only connector and function bundles can be managed as plugins");
        }
        return new PluginArchive(jar, bsn, v, List.copyOf(conf), List.copyOf(ignored));
    }

    /** Whether a symbolic name belongs to the engine or the framework. */
    public static boolean isReserved(String bsn) {
        for (String r : RESERVED) {
            if (bsn.equals(r) || bsn.startsWith(r)) {
                return true;
            }
        }
        return false;
    }

    private static String trim(String s) {
        return s == null ? null : s.trim();
    }

    /** The manifest of a jar in memory, wherever its entry is; entry names are checked on the way. */
    static Manifest manifest(byte[] jar) throws PluginException {
        Manifest found = null;
        int entries = 0;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(jar))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                checkEntryName(e.getName());
                if (++entries > MAX_ENTRIES) {
                    throw PluginException.badRequest("the jar has more than " + MAX_ENTRIES + " entries");
                }
                if (found == null && e.getName().equalsIgnoreCase("META-INF/MANIFEST.MF")) {
                    found = new Manifest(new ByteArrayInputStream(readBounded(in, e.getName())));
                }
            }
        } catch (ZipException e) {
            throw PluginException.badRequest("not a jar file: " + e.getMessage());
        } catch (IOException e) {
            throw PluginException.badRequest("cannot read the jar: " + e.getMessage());
        }
        if (found == null) {
            throw PluginException.badRequest("not an OSGi bundle: the jar has no META-INF/MANIFEST.MF");
        }
        return found;
    }

    /** The package names of an Import-Package or Export-Package header. */
    static List<String> packageNames(String header) {
        List<String> out = new ArrayList<>();
        if (header == null) {
            return out;
        }
        for (String clause : splitOutsideQuotes(header, ',')) {
            for (String part : splitOutsideQuotes(clause, ';')) {
                String p = part.trim();
                if (p.contains("=")) {
                    break; // attributes and directives follow the names
                }
                if (!p.isEmpty()) {
                    out.add(p);
                }
            }
        }
        return out;
    }

    private static List<String> splitOutsideQuotes(String s, char sep) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == sep && !quoted) {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }
}
