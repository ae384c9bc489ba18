package io.oort.engine.core.internal.plugin;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.TimeUnit;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The FileInstall side of an install: keeps a copy of the current file, moves the new file into {@code plugins/} in
 * one step, waits (bounded) until FileInstall has deployed it and the engine serves its services, and puts the old
 * file back when it does not. FileInstall stays the only thing that installs, updates and uninstalls plugin bundles.
 */
final class PluginDeployer {

    private static final Logger LOG = LoggerFactory.getLogger(PluginDeployer.class);

    private final PluginInventory inventory;
    private final Path backups;
    private final long timeoutMillis;

    PluginDeployer(PluginInventory inventory, Path backups, long timeoutMillis) {
        this.inventory = inventory;
        this.backups = backups;
        this.timeoutMillis = timeoutMillis;
    }

    Path backup(Path target, String name) throws PluginException {
        if (!Files.exists(target)) {
            return null;
        }
        try {
            Files.createDirectories(backups);
            Path b = backups.resolve(name + ".jar");
            Files.copy(target, b, StandardCopyOption.REPLACE_EXISTING);
            return b;
        } catch (IOException e) {
            throw PluginException.badRequest("cannot keep a copy of the current version: " + e.getMessage());
        }
    }

    /**
     * Moves a complete file into {@code plugins/} in one step, so FileInstall never sees it half written. Staging is
     * on the same file system; if it is not, the file is copied to a hidden name FileInstall ignores (its filter
     * takes {@code *.jar} only) and renamed there.
     */
    void moveInto(Path staged, Path target) throws PluginException {
        try {
            try {
                Files.move(staged, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Path hidden = target.resolveSibling("." + target.getFileName() + ".part");
                Files.copy(staged, hidden, StandardCopyOption.REPLACE_EXISTING);
                Files.move(hidden, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw PluginException.badRequest("cannot write " + target + ": " + e.getMessage());
        }
    }

    /** Waits until FileInstall has deployed the new file and the bundle is active with the services it offered. */
    void awaitDeployed(Path target, PluginArchive archive, Bundle before, BundleTrial.Offers offers)
            throws PluginException {
        long beforeModified = before == null ? -1 : before.getLastModified();
        long start = System.nanoTime();
        long deadline = start + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        boolean startTried = false;
        while (System.nanoTime() < deadline) {
            Bundle b = inventory.bundleAt(target);
            boolean fresh = b != null && archive.symbolicName().equals(b.getSymbolicName())
                    && archive.version().equals(b.getVersion())
                    && (before == null || b.getBundleId() != before.getBundleId()
                            || b.getLastModified() != beforeModified);
            if (fresh && b.getState() == Bundle.ACTIVE && inventory.serves(b, offers)) {
                LOG.info("plugin {} {} is active", archive.symbolicName(), archive.version());
                return;
            }
            long waited = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            if (fresh && !startTried && waited > timeoutMillis / 3
                    && (b.getState() == Bundle.INSTALLED || b.getState() == Bundle.RESOLVED)) {
                startTried = true; // FileInstall only logs why a start fails; ask for the reason ourselves
                try {
                    b.start();
                } catch (BundleException e) {
                    throw PluginException.badRequest("bundle " + archive.symbolicName() + " failed to start: "
                            + e.getMessage());
                }
            }
            sleep(50);
        }
        throw PluginException.badRequest("plugin " + archive.symbolicName() + " " + archive.version()
                + " was not deployed from plugins/ within " + timeoutMillis + " ms; the previous state is restored");
    }

    /** Puts the previous file back (or removes the new one) and waits (bounded) for FileInstall to follow. */
    void restore(Path target, Path backup, Bundle before) {
        try {
            if (backup != null) {
                moveInto(backup, target);
            } else {
                Files.deleteIfExists(target);
            }
        } catch (PluginException | IOException e) {
            LOG.error("plugin rollback of {} failed: {}", target, e.getMessage());
            return;
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (System.nanoTime() < deadline) {
            Bundle b = inventory.bundleAt(target);
            if (backup == null ? b == null : b != null && b.getState() == Bundle.ACTIVE) {
                return;
            }
            sleep(50);
        }
        LOG.warn("plugin rollback of {}: FileInstall has not settled yet (bundle {})", target, before);
    }

    /** Deletes a plugin's file and waits until FileInstall has uninstalled its bundle. */
    void remove(Path file, Bundle b, PluginInfo p) throws PluginException {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw PluginException.badRequest("cannot delete " + file + ": " + e.getMessage());
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (System.nanoTime() < deadline) {
            if (b == null || b.getState() == Bundle.UNINSTALLED) {
                return;
            }
            sleep(50);
        }
        throw PluginException.badRequest("the file of plugin " + p.name() + " was removed but FileInstall has not "
                + "uninstalled bundle " + p.symbolicName() + " within " + timeoutMillis + " ms");
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
