package io.oort.engine.core.internal.rule;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.oort.engine.core.internal.sink.SinkCaches;
import io.oort.engine.core.internal.util.EngineThreads;

/**
 * The last checkpoint of each rule with {@code qos} 1 or 2: one file per rule under {@code data/checkpoints/},
 * replaced atomically (a crash during a write leaves the previous checkpoint), or in memory for an engine without
 * a data directory (then it survives rule restarts, not the process). Each checkpoint carries the fingerprint of
 * the rule it was taken from; a checkpoint of another definition is never restored.
 *
 * <p>Files are written by one thread of their own, in the order the rules hand their states over: a rule's thread
 * only serializes its state (that must happen between two of its inputs) and does not wait for the disk, except for
 * the checkpoint of a stop, which {@link #saveNow} writes before the rule counts as stopped.
 */
final class Checkpoints implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Checkpoints.class);
    private static final int MAGIC = 0x4f4f434b; // "OOCK"
    private static final int FORMAT = 1;

    private final Path dir;
    private final Map<String, byte[]> memory = new ConcurrentHashMap<>();
    private final ExecutorService writer = Executors.newSingleThreadExecutor(EngineThreads.daemon("oort-checkpoint"));

    Checkpoints(Path dataDir) {
        this.dir = dataDir == null ? null : dataDir.resolve("checkpoints");
    }

    /** Stores {@code state} as the rule's checkpoint in the background; {@code failed} hears of a failed write. */
    void saveLater(String ruleId, String fingerprint, byte[] state, Consumer<IOException> failed) {
        try {
            writer.execute(() -> {
                try {
                    save(ruleId, fingerprint, state);
                } catch (IOException e) {
                    failed.accept(e);
                }
            });
        } catch (RejectedExecutionException e) {
            failed.accept(new IOException("the engine is stopping"));
        }
    }

    /** Stores {@code state} as the rule's checkpoint after the writes handed over before it; waits (bounded). */
    void saveNow(String ruleId, String fingerprint, byte[] state) throws IOException {
        Future<?> done;
        try {
            done = writer.submit(() -> {
                save(ruleId, fingerprint, state);
                return null;
            });
        } catch (RejectedExecutionException e) {
            save(ruleId, fingerprint, state); // closing: nothing is queued any more
            return;
        }
        try {
            done.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        } catch (TimeoutException e) {
            throw new IOException("writing the checkpoint took more than 30 s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while writing the checkpoint");
        }
    }

    /** Finishes the writes handed over (bounded) and stops the writer. */
    @Override
    public void close() {
        writer.shutdown();
        try {
            if (!writer.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.warn("checkpoint writes still pending after 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void save(String ruleId, String fingerprint, byte[] state) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(state.length + 64);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeInt(FORMAT);
            out.writeUTF(fingerprint);
            out.writeInt(state.length);
            out.write(state);
        }
        if (dir == null) {
            memory.put(ruleId, bytes.toByteArray());
            return;
        }
        Files.createDirectories(dir);
        Path file = file(ruleId);
        Path tmp = dir.resolve(file.getFileName() + ".tmp");
        Files.write(tmp, bytes.toByteArray());
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The rule's checkpointed state when there is one of this definition, else null. */
    byte[] load(String ruleId, String fingerprint) {
        byte[] raw;
        try {
            raw = dir == null ? memory.get(ruleId) : Files.readAllBytes(file(ruleId));
        } catch (java.nio.file.NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            LOG.warn("rule {}: cannot read its checkpoint: {}", ruleId, e.toString());
            return null;
        }
        if (raw == null) {
            return null;
        }
        try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(raw))) {
            if (in.readInt() != MAGIC || in.readInt() != FORMAT) {
                LOG.warn("rule {}: its checkpoint is not in a format this engine reads; starting empty", ruleId);
                return null;
            }
            if (!in.readUTF().equals(fingerprint)) {
                LOG.info("rule {}: its checkpoint belongs to an earlier definition; starting empty", ruleId);
                return null;
            }
            byte[] state = new byte[in.readInt()];
            in.readFully(state);
            return state;
        } catch (IOException e) {
            LOG.warn("rule {}: its checkpoint is damaged ({}); starting empty", ruleId, e.toString());
            return null;
        }
    }

    /** Forgets the rule's checkpoint (rule deleted or redefined), after the writes handed over before. */
    void drop(String ruleId) {
        try {
            writer.submit(() -> deleteNow(ruleId)).get(30, TimeUnit.SECONDS);
        } catch (RejectedExecutionException | ExecutionException | TimeoutException e) {
            deleteNow(ruleId);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            deleteNow(ruleId);
        }
    }

    private void deleteNow(String ruleId) {
        memory.remove(ruleId);
        if (dir != null) {
            try {
                Files.deleteIfExists(file(ruleId));
            } catch (IOException e) {
                LOG.warn("rule {}: cannot delete its checkpoint: {}", ruleId, e.toString());
            }
        }
    }

    /**
     * What a checkpoint must match to be restored: the SHA-256 of the rule's SQL and of the options that shape its
     * state (the SQL may be longer than a header string can be).
     */
    static String fingerprint(String sql, boolean eventTime, long lateToleranceMillis) {
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest((sql + "\n" + eventTime + ","
                    + lateToleranceMillis).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(d);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    private Path file(String ruleId) {
        return dir.resolve(SinkCaches.segment(ruleId) + ".ckpt");
    }
}
