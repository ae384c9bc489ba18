package io.oort.engine.core.internal.plugin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.oort.engine.core.api.ConnectorKind;
import io.oort.engine.core.internal.config.Durations;
import io.oort.engine.core.internal.config.EngineConfig;
import io.oort.engine.core.internal.service.EngineService;
import io.oort.engine.core.internal.util.EngineThreads;

/**
 * Plugin management as a service for the REST API and the shell: lists and describes plugins, installs, updates and
 * uninstalls them through the {@link PluginInstaller}, and answers eKuiper's function-plugin queries. Also turns
 * plugin zips dropped into {@code plugins/} into installed plugins (FileInstall itself only takes {@code *.jar}).
 */
@Component(service = PluginService.class, immediate = true)
public class PluginService {

    private static final Logger LOG = LoggerFactory.getLogger(PluginService.class);
    /** The largest plugin file accepted (a connector embedding a big client library is ~10 MB). */
    private static final long MAX_PLUGIN_BYTES = 256L * 1024 * 1024;

    private final EngineService engine;
    private final PluginInventory inventory;
    private final PluginInstaller installer;
    private final PluginLocations locations;
    private final ScheduledExecutorService zips;
    private final Map<Path, Long> zipStamps = new HashMap<>();

    @Activate
    public PluginService(@Reference EngineService engine, @Reference PluginFunctions functions, BundleContext ctx) {
        this.engine = engine;
        this.locations = PluginLocations.of(ctx);
        this.inventory = new PluginInventory(ctx, locations, engine, functions);
        Path home = engine.home() != null ? engine.home()
                : locations.dir() != null ? locations.dir().toAbsolutePath().getParent() : null;
        long poll = Math.max(100, Durations.parse(engine.config().get("plugins.pollInterval", "1s")).toMillis());
        if (home == null || locations.dir() == null) {
            LOG.warn("no plugins folder (felix.fileinstall.dir / oort.home): plugin installation is disabled");
            this.installer = null;
            this.zips = null;
            return;
        }
        Path staging = home.resolve("data/plugins/staging");
        cleanStaging(staging);
        PluginFetcher fetcher = new PluginFetcher(allowedPrefixes(engine.config()), staging, MAX_PLUGIN_BYTES,
                Duration.ofSeconds(60));
        this.installer = new PluginInstaller(ctx, inventory, locations, home, fetcher, poll);
        this.zips = Executors.newSingleThreadScheduledExecutor(r -> EngineThreads.daemon(r, "oort-plugin-zips"));
        zips.scheduleWithFixedDelay(this::scanZips, poll, poll, TimeUnit.MILLISECONDS);
    }

    @Deactivate
    void deactivate() {
        if (zips != null) {
            zips.shutdownNow();
        }
    }

    /** {@code plugins.allowedUrlPrefixes}: a JSON list (as the launcher flattens lists) or comma-separated. */
    static List<String> allowedPrefixes(EngineConfig config) {
        String v = config.get("plugins.allowedUrlPrefixes", "");
        List<String> out = new ArrayList<>();
        if (v == null || v.isBlank() || v.equals("null")) {
            return out;
        }
        try {
            if (v.trim().startsWith("[")) {
                for (Object o : new ObjectMapper().readValue(v, List.class)) {
                    if (o != null && !String.valueOf(o).isBlank()) {
                        out.add(String.valueOf(o).trim());
                    }
                }
                return out;
            }
        } catch (IOException e) {
            // fall through to the comma-separated form
        }
        for (String s : v.split(",")) {
            if (!s.isBlank()) {
                out.add(s.trim());
            }
        }
        return out;
    }

    private static void cleanStaging(Path staging) {
        if (!Files.isDirectory(staging)) {
            return;
        }
        try (var files = Files.list(staging)) {
            files.forEach(PluginFetcher::deleteQuietly);
        } catch (IOException e) {
            // leftovers are harmless
        }
    }

    private PluginInstaller installer() throws PluginException {
        if (installer == null) {
            throw PluginException.badRequest("plugin installation is disabled: there is no plugins folder");
        }
        return installer;
    }

    /** Every plugin (one per jar in plugins/). */
    public List<PluginInfo> plugins() {
        return inventory.list();
    }

    /**
     * eKuiper's {@code GET /plugins/{kind}}: the installed connector types for sources, sinks and lookups; the
     * function plugins' names for functions.
     */
    public List<String> names(String kind) {
        List<String> out = new ArrayList<>();
        switch (kind) {
            case "sources" -> out.addAll(engine.connectorTypes(ConnectorKind.SOURCE));
            case "sinks" -> out.addAll(engine.connectorTypes(ConnectorKind.SINK));
            case "lookups" -> out.addAll(engine.connectorTypes(ConnectorKind.LOOKUP));
            case "functions" -> {
                for (PluginInfo p : inventory.list()) {
                    if (!p.functions().isEmpty()) {
                        out.add(p.name());
                    }
                }
            }
            default -> {
                for (PluginInfo p : inventory.list()) {
                    out.add(p.name());
                }
            }
        }
        return out;
    }

    /** A plugin by name, connector type or function; a built-in type is described with {@code builtin} set. */
    public PluginInfo info(PluginKind kind, String name) throws PluginException {
        return inventory.require(kind, name, false);
    }

    public PluginInfo install(PluginKind kind, String name, String url, String sha256, List<String> functions)
            throws PluginException {
        return installer().install(kind, name, url, sha256, functions, false);
    }

    public PluginInfo update(PluginKind kind, String name, String url, String sha256, List<String> functions)
            throws PluginException {
        return installer().install(kind, name, url, sha256, functions, true);
    }

    public PluginInfo upload(String fileName, byte[] body, String sha256) throws PluginException {
        return installer().upload(fileName, body, sha256);
    }

    public PluginInfo uninstall(PluginKind kind, String name) throws PluginException {
        return installer().uninstall(kind, name);
    }

    public void registerFunctions(String name, List<String> functions) throws PluginException {
        installer().registerFunctions(name, functions);
    }

    /** {@code GET /plugins/udfs}: the functions plugins provide. */
    public List<String> udfs() {
        List<String> out = new ArrayList<>();
        for (PluginFunctions.Offer o : inventory.udfs()) {
            out.add(o.name());
        }
        return out;
    }

    /** {@code GET /plugins/udfs/{name}}: {"name", "plugin"}. */
    public Map<String, String> udf(String name) throws PluginException {
        for (PluginFunctions.Offer o : inventory.udfs()) {
            if (o.name().equalsIgnoreCase(name)) {
                Map<String, String> m = new LinkedHashMap<>();
                m.put("name", o.name());
                m.put("plugin", inventory.pluginName(o.bundleId()));
                return m;
            }
        }
        throw PluginException.notFound("describe function " + name + " error: not found");
    }

    /**
     * Installs plugin zips dropped into plugins/: once a zip's size and time have not changed for one poll (so a copy
     * in progress is not read), it is installed like an upload and removed; a refused zip is renamed
     * {@code <name>.zip.rejected} and the reason logged.
     */
    private void scanZips() {
        try (var files = Files.list(locations.dir())) {
            List<Path> current = files.filter(f -> f.getFileName().toString().toLowerCase().endsWith(".zip")).toList();
            zipStamps.keySet().retainAll(current);
            for (Path zip : current) {
                long stamp = Files.getLastModifiedTime(zip).toMillis() * 31 + Files.size(zip);
                Long previous = zipStamps.put(zip, stamp);
                if (previous == null || previous != stamp) {
                    continue; // new or still changing
                }
                zipStamps.remove(zip);
                try {
                    PluginInfo p = installer.installDropped(zip);
                    Files.deleteIfExists(zip);
                    LOG.info("plugin zip {} installed as {}", zip.getFileName(), p.name());
                } catch (PluginException e) {
                    LOG.warn("plugin zip {} refused: {}", zip.getFileName(), e.getMessage());
                    Files.move(zip, zip.resolveSibling(zip.getFileName() + ".rejected"),
                            StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("scanning {} for plugin zips: {}", locations.dir(), e.toString());
        }
    }
}
