package io.oort.engine.core.internal.plugin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.oort.engine.core.api.ConnectorKind;

/**
 * The one way the plugin API changes plugins; REST and shell both call it. A new plugin file is fetched into
 * {@code data/plugins/staging}, checked ({@link PluginArchive}: a bundle that imports the plugin SPI, no engine or
 * framework name, no path traversal; optional SHA-256), proven to resolve and activate as a trial copy while the
 * current version keeps running ({@link BundleTrial}), and only then moved atomically into {@code plugins/}, where
 * FileInstall installs or updates it — so FileInstall stays the single deployment path and the state survives
 * restarts. The installer then waits until the new bundle is active and serving; if it is not, the previous file is
 * put back. Operations run one at a time.
 */
public final class PluginInstaller {

    private static final Logger LOG = LoggerFactory.getLogger(PluginInstaller.class);
    private static final String NAME_PATTERN = "[A-Za-z0-9][A-Za-z0-9_.-]*";

    private final BundleContext ctx;
    private final PluginInventory inventory;
    private final PluginLocations locations;
    private final PluginFetcher fetcher;
    private final PluginRecords records;
    private final PluginConf conf;
    private final PluginDeployer deployer;
    private final long lockTimeoutMillis;
    private final long settleMillis;
    private final ReentrantLock lock = new ReentrantLock();

    PluginInstaller(BundleContext ctx, PluginInventory inventory, PluginLocations locations, Path home,
            PluginFetcher fetcher, long pollMillis) {
        this.ctx = ctx;
        this.inventory = inventory;
        this.locations = locations;
        this.fetcher = fetcher;
        Path state = home.resolve("data/plugins");
        this.records = new PluginRecords(state.resolve("records"));
        this.conf = new PluginConf(home);
        this.deployer = new PluginDeployer(inventory, state.resolve("backup"), 3 * pollMillis + 20_000);
        this.lockTimeoutMillis = 2 * (3 * pollMillis + 20_000);
        this.settleMillis = 3000;
    }

    PluginRecords records() {
        return records;
    }

    /**
     * Installs ({@code replace} false) or updates a plugin from a URL. An update may name the plugin by its name,
     * a connector type or function it provides, or its symbolic name.
     */
    public PluginInfo install(PluginKind kind, String requested, String url, String sha256, List<String> functions,
            boolean replace) throws PluginException {
        lock();
        try {
            String name = replace ? inventory.require(kind, requested, true).name() : requested;
            checkName(name);
            checkPresence(kind, name, replace);
            PluginFetcher.Fetched f = fetcher.fetch(url, sha256);
            try {
                return deploy(kind, name, f, functions, url);
            } finally {
                PluginFetcher.deleteQuietly(f.file());
            }
        } finally {
            lock.unlock();
        }
    }

    /** Installs or updates a plugin from an uploaded jar or zip ({@code PUT /plugins/bundles/{file}}). */
    public PluginInfo upload(String fileName, byte[] body, String sha256) throws PluginException {
        String name = nameOfFile(fileName);
        lock();
        try {
            PluginFetcher.Fetched f = fetcher.store(body, sha256);
            try {
                return deploy(null, name, f, List.of(), "upload:" + fileName);
            } finally {
                PluginFetcher.deleteQuietly(f.file());
            }
        } finally {
            lock.unlock();
        }
    }

    /** Installs or updates from a zip dropped into {@code plugins/} (a local file: the URL allow-list is for URLs). */
    PluginInfo installDropped(Path zip) throws PluginException {
        String name = nameOfFile(zip.getFileName().toString());
        byte[] body;
        try {
            body = Files.readAllBytes(zip);
        } catch (IOException e) {
            throw PluginException.badRequest("cannot read " + zip + ": " + e.getMessage());
        }
        lock();
        try {
            PluginFetcher.Fetched f = fetcher.store(body, null);
            try {
                return deploy(null, name, f, List.of(), zip.toUri().toString());
            } finally {
                PluginFetcher.deleteQuietly(f.file());
            }
        } finally {
            lock.unlock();
        }
    }

    /** Uninstalls a plugin found by name, connector type or function; the engine is not restarted. */
    public PluginInfo uninstall(PluginKind kind, String name) throws PluginException {
        lock();
        try {
            PluginInfo p = inventory.require(kind, name, true);
            Path file = locations.dir().resolve(p.file());
            deployer.remove(file, ctx.getBundle(p.bundleId()), p);
            PluginRecords.Record r = records.get(p.name());
            if (r != null) {
                conf.remove(r.conf);
            }
            records.delete(p.name());
            LOG.info("plugin {} ({} {}) uninstalled", p.name(), p.symbolicName(), p.version());
            return p;
        } finally {
            lock.unlock();
        }
    }

    /** eKuiper's function registration: checks the list against what the plugin provides and remembers it. */
    public void registerFunctions(String name, List<String> functions) throws PluginException {
        if (functions == null || functions.isEmpty()) {
            throw PluginException.badRequest("property 'functions' must not be empty");
        }
        lock();
        try {
            PluginInfo p = inventory.require(PluginKind.FUNCTIONS, name, true);
            checkFunctionList(p.name(), p.functions(), functions);
            PluginRecords.Record r = records.get(p.name());
            if (r == null) {
                r = new PluginRecords.Record();
                r.name = p.name();
                r.kind = PluginKind.FUNCTIONS.path();
            }
            r.functions = lower(functions);
            try {
                records.put(r);
            } catch (IOException e) {
                throw PluginException.badRequest("cannot store the function list: " + e.getMessage());
            }
        } finally {
            lock.unlock();
        }
    }

    private void lock() throws PluginException {
        try {
            if (!lock.tryLock(lockTimeoutMillis, TimeUnit.MILLISECONDS)) {
                throw PluginException.badRequest("another plugin operation is still running; try again later");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw PluginException.badRequest("interrupted");
        }
    }

    private void checkPresence(PluginKind kind, String name, boolean replace) throws PluginException {
        boolean exists = Files.exists(locations.dir().resolve(name + ".jar"));
        if (!replace && exists) {
            throw PluginException.badRequest("invalid name " + name + ": duplicate (plugin " + name
                    + " is installed; update it with PUT /plugins/" + (kind == null ? "portables" : kind.path()) + "/"
                    + name + ")");
        }
        if (replace && !exists) {
            throw PluginException.notFound("plugin " + name + " has no file in plugins/; install it instead");
        }
    }

    private PluginInfo deploy(PluginKind kind, String name, PluginFetcher.Fetched fetched, List<String> functions,
            String source) throws PluginException {
        PluginArchive archive = PluginArchive.read(fetched.file());
        Path target = locations.dir().resolve(name + ".jar");
        checkOwnership(archive, target);
        BundleTrial.Offers offers = BundleTrial.run(ctx, archive, settleMillis);
        checkKind(kind, name, offers, functions);
        inventory.checkFunctionNames(offers.functions(), target);
        Bundle before = inventory.bundleAt(target);
        List<String> createdConf = conf.install(kind, name, archive, offers);
        Path backup = null;
        try {
            Path staged = archive.conf().isEmpty() && archive.ignored().isEmpty() ? fetched.file()
                    : stageJar(archive.jar());
            backup = deployer.backup(target, name);
            deployer.moveInto(staged, target);
            LOG.info("plugin {}: {} {} written to {}", name, archive.symbolicName(), archive.version(), target);
            deployer.awaitDeployed(target, archive, before, offers);
        } catch (PluginException e) {
            rollback(target, backup, createdConf, before);
            throw e;
        }
        PluginRecords.Record r = new PluginRecords.Record();
        PluginRecords.Record old = records.get(name);
        r.name = name;
        r.kind = kind == null ? null : kind.path();
        r.url = source;
        r.sha256 = fetched.sha256();
        r.functions = functions != null && !functions.isEmpty() ? lower(functions)
                : old != null && before != null ? old.functions : new ArrayList<>();
        r.conf = new ArrayList<>(createdConf);
        if (old != null && before != null) {
            for (String c : old.conf) {
                if (!r.conf.contains(c)) {
                    r.conf.add(c);
                }
            }
        }
        r.installedAt = System.currentTimeMillis();
        try {
            records.put(r);
        } catch (IOException e) {
            LOG.warn("plugin {}: cannot write its record: {}", name, e.getMessage());
        }
        deleteQuietly(backup);
        return inventory.require(null, name, true);
    }

    /** The jar's bundle may not be an engine bundle, nor a plugin installed under another name. */
    private void checkOwnership(PluginArchive archive, Path target) throws PluginException {
        for (Bundle b : ctx.getBundles()) {
            if (!archive.symbolicName().equals(b.getSymbolicName()) || PluginLocations.isTrial(b)) {
                continue;
            }
            Path file = locations.fileOf(b);
            if (file == null) {
                throw PluginException.badRequest("bundle " + archive.symbolicName() + " is an engine or framework "
                        + "bundle (" + b.getLocation() + "): it cannot be replaced through the plugin API");
            }
            if (!file.equals(target)) {
                throw PluginException.badRequest("bundle " + archive.symbolicName() + " is already installed as plugin "
                        + PluginInventory.nameOf(file) + "; update that plugin instead");
            }
        }
    }

    private static void checkKind(PluginKind kind, String name, BundleTrial.Offers offers, List<String> functions)
            throws PluginException {
        if (kind == PluginKind.SOURCES && offers.connectors().stream()
                .noneMatch(c -> c.kind() == ConnectorKind.SOURCE || c.kind() == ConnectorKind.LOOKUP)) {
            throw PluginException.badRequest("plugin " + name + " provides no source connector (it provides "
                    + describe(offers) + ")");
        }
        if (kind == PluginKind.SINKS && offers.connectors().stream().noneMatch(c -> c.kind() == ConnectorKind.SINK)) {
            throw PluginException.badRequest("plugin " + name + " provides no sink connector (it provides "
                    + describe(offers) + ")");
        }
        if (kind == PluginKind.FUNCTIONS && offers.functions().isEmpty()) {
            throw PluginException.badRequest("plugin " + name + " provides no function (it provides "
                    + describe(offers) + ")");
        }
        if (functions != null && !functions.isEmpty()) {
            checkFunctionList(name, offers.functions(), functions);
        }
    }

    private static void checkFunctionList(String name, List<String> provided, List<String> wanted)
            throws PluginException {
        List<String> missing = new ArrayList<>();
        for (String f : lower(wanted)) {
            if (!provided.contains(f)) {
                missing.add(f);
            }
        }
        if (!missing.isEmpty()) {
            throw PluginException.badRequest("function plugin " + name + " does not provide " + String.join(", ", missing)
                    + " (it provides: " + String.join(", ", provided) + ")");
        }
    }

    private static String describe(BundleTrial.Offers offers) {
        List<String> parts = new ArrayList<>();
        for (ConnectorOffer c : offers.connectors()) {
            parts.add(c.toString());
        }
        for (String f : offers.functions()) {
            parts.add("function " + f);
        }
        return String.join(", ", parts);
    }

    private static List<String> lower(List<String> names) {
        List<String> out = new ArrayList<>();
        for (String n : names) {
            out.add(n.trim().toLowerCase(Locale.ROOT));
        }
        return out;
    }

    private Path stageJar(byte[] jar) throws PluginException {
        Path p = fetcher.newStagingFile();
        try {
            Files.write(p, jar);
            return p;
        } catch (IOException e) {
            PluginFetcher.deleteQuietly(p);
            throw PluginException.badRequest("cannot stage the bundle: " + e.getMessage());
        }
    }

    private void rollback(Path target, Path backup, List<String> createdConf, Bundle before) {
        conf.remove(createdConf);
        deployer.restore(target, backup, before);
    }

    static void checkName(String name) throws PluginException {
        if (name == null || name.isBlank()) {
            throw PluginException.badRequest("invalid name: should not be empty");
        }
        if (!name.matches(NAME_PATTERN) || name.contains("..") || name.length() > 128) {
            throw PluginException.badRequest("invalid name '" + name
                    + "': only letters, digits, '.', '-' and '_' are allowed, starting with a letter or digit");
        }
    }

    /** A plugin name from a file name: without the directory, the .jar/.zip extension and a version suffix. */
    static String nameOfFile(String fileName) throws PluginException {
        String n = fileName == null ? "" : fileName.replaceAll(".*[/\\\\]", "");
        String lower = n.toLowerCase(Locale.ROOT);
        if (!lower.endsWith(".jar") && !lower.endsWith(".zip")) {
            throw PluginException.badRequest("invalid file name '" + fileName + "': a plugin file is a .jar or a .zip");
        }
        n = n.substring(0, n.length() - 4).replaceFirst("[-_@]v?\\d+(\\.\\d+)*([-.][A-Za-z0-9]+)*$", "");
        checkName(n);
        return n;
    }

    private static void deleteQuietly(Path p) {
        PluginFetcher.deleteQuietly(p);
    }
}
