package io.oort.engine.core.internal.plugin;

import java.net.URI;
import java.nio.file.Path;
import java.nio.file.Paths;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;

/**
 * Tells plugin bundles from engine and framework bundles by where they were installed from: a plugin is a file in the
 * watched {@code plugins/} folder (FileInstall's {@code felix.fileinstall.dir}, else {@code <oort.home>/plugins}) or a
 * copy under trial. Everything else (the engine, the framework, libraries in {@code bundle/}) is not a plugin and
 * cannot be managed through the plugin API.
 */
final class PluginLocations {

    private final Path dir;

    PluginLocations(Path dir) {
        this.dir = dir == null ? null : dir.toAbsolutePath().normalize();
    }

    static PluginLocations of(BundleContext ctx) {
        String watched = ctx.getProperty("felix.fileinstall.dir");
        if (watched != null && !watched.isBlank()) {
            return new PluginLocations(Paths.get(watched));
        }
        String home = ctx.getProperty("oort.home");
        return new PluginLocations(home == null ? null : Paths.get(home, "plugins"));
    }

    /** The watched folder, or null when there is none (plugin management is then unavailable). */
    Path dir() {
        return dir;
    }

    /** The file in the plugins folder a bundle was installed from, or null. */
    Path fileOf(Bundle b) {
        return fileOf(b.getLocation());
    }

    Path fileOf(String location) {
        if (dir == null || location == null || !location.startsWith("file:")) {
            return null;
        }
        try {
            Path p = Paths.get(new URI(location)).toAbsolutePath().normalize();
            return dir.equals(p.getParent()) ? p : null;
        } catch (java.net.URISyntaxException | IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
            return null;
        }
    }

    /** The location FileInstall gives the bundle of a file in the plugins folder. */
    static String locationOf(Path file) {
        return file.toUri().normalize().toString();
    }

    boolean inPluginsDir(Bundle b) {
        return fileOf(b) != null;
    }

    static boolean isTrial(Bundle b) {
        String loc = b.getLocation();
        return loc != null && loc.startsWith(TrialBundles.LOCATION_PREFIX);
    }

    boolean isPlugin(Bundle b) {
        return b.getBundleId() != 0 && (isTrial(b) || inPluginsDir(b));
    }
}
