package io.oort.engine.core.internal.plugin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

import io.oort.engine.core.api.ConnectorKind;

/**
 * Places the configuration files of a plugin zip under {@code etc/}, as eKuiper does for its native plugins:
 * {@code <type>.yaml} (conf keys) into {@code etc/sources/} or {@code etc/sinks/} — never overwriting one that
 * exists, since it may hold the user's conf keys —, {@code <type>.json} (UI metadata) next to it, and the zip's
 * {@code etc/} folder as {@code etc/<kind>/<name>/}. Every target is checked to stay inside {@code etc/}.
 */
final class PluginConf {

    private final Path home;
    private final Path etc;

    PluginConf(Path home) {
        this.home = home;
        this.etc = home.resolve("etc").toAbsolutePath().normalize();
    }

    /**
     * Writes the files and returns the ones created (relative to the installation directory), for a rollback or a
     * later uninstall. On failure whatever was created is removed again.
     */
    List<String> install(PluginKind kind, String name, PluginArchive archive, BundleTrial.Offers offers)
            throws PluginException {
        List<Path> created = new ArrayList<>();
        try {
            for (PluginArchive.ConfFile f : archive.conf()) {
                Path target = target(kind, name, f.path(), offers);
                boolean yaml = f.path().endsWith(".yaml") || f.path().endsWith(".yml");
                if (yaml && !f.path().startsWith("etc/") && Files.exists(target)) {
                    continue; // keep the user's conf keys
                }
                write(target, f.content());
                created.add(target);
            }
        } catch (PluginException e) {
            remove(relative(created));
            throw e;
        } catch (IOException e) {
            remove(relative(created));
            throw PluginException.badRequest("cannot install the plugin's configuration: " + e.getMessage());
        }
        return relative(created);
    }

    private Path target(PluginKind kind, String name, String path, BundleTrial.Offers offers)
            throws PluginException {
        Path t;
        if (path.startsWith("etc/")) {
            String dir = kind == null || kind == PluginKind.PORTABLES ? "plugins" : kind.path();
            t = etc.resolve(dir).resolve(name).resolve(path.substring(4));
        } else {
            String base = path.substring(0, path.lastIndexOf('.'));
            t = etc.resolve(dirFor(kind, base, path, offers)).resolve(path);
        }
        t = t.toAbsolutePath().normalize();
        if (!t.startsWith(etc)) {
            throw PluginException.badRequest("unsafe path in archive: '" + path + "'");
        }
        return t;
    }

    /** etc/sources, etc/sinks or etc/functions for a root file named after a type or the plugin. */
    private static String dirFor(PluginKind kind, String base, String path, BundleTrial.Offers offers)
            throws PluginException {
        if (kind == PluginKind.SOURCES || kind == PluginKind.SINKS || kind == PluginKind.FUNCTIONS) {
            return kind.path();
        }
        for (ConnectorOffer c : offers.connectors()) {
            if (c.type().equals(base)) {
                return c.kind() == ConnectorKind.SINK ? "sinks" : "sources";
            }
        }
        if (offers.functions().contains(base.toLowerCase(java.util.Locale.ROOT))) {
            return "functions";
        }
        throw PluginException.badRequest(path + " is named after no connector type or function the bundle provides ("
                + offers.connectors() + ", functions " + offers.functions() + ")");
    }

    private static void write(Path target, byte[] content) throws IOException {
        Files.createDirectories(target.getParent());
        Path tmp = Files.createTempFile(target.getParent(), ".plugin-", ".tmp");
        try {
            Files.write(tmp, content);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private List<String> relative(List<Path> paths) {
        List<String> out = new ArrayList<>();
        Path base = home.toAbsolutePath().normalize();
        for (Path p : paths) {
            out.add(base.relativize(p).toString());
        }
        return out;
    }

    /** Removes files a plugin created (and the folders left empty under etc/). */
    void remove(List<String> files) {
        Path base = home.toAbsolutePath().normalize();
        for (String f : files) {
            Path p = base.resolve(f).normalize();
            if (!p.startsWith(etc)) {
                continue;
            }
            try {
                Files.deleteIfExists(p);
                for (Path d = p.getParent(); d != null && d.startsWith(etc) && d.getNameCount() > etc.getNameCount() + 1;
                        d = d.getParent()) {
                    try (var s = Files.list(d)) {
                        if (s.findAny().isPresent()) {
                            break;
                        }
                    }
                    Files.delete(d);
                }
            } catch (IOException e) {
                // best effort
            }
        }
    }
}
