package io.oort.engine.core.internal.sink;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.slf4j.LoggerFactory;

/**
 * Where sink caches live: {@code <home>/data/cache/<rule id>/<operator id>/}, one directory of page files per
 * action, so a rule's cache is found again after a restart and is independent of every other sink's. Names are
 * escaped to stay one portable path segment.
 */
public final class SinkCaches {

    private SinkCaches() {
    }

    /** The cache directory of an action, or null when the engine has no data directory. */
    public static Path dir(Path dataDir, String ruleId, String operatorId) {
        if (dataDir == null) {
            return null;
        }
        return dataDir.resolve("cache").resolve(segment(ruleId)).resolve(segment(operatorId));
    }

    /**
     * Deletes every sink cache of a rule: a deleted rule's undelivered messages are dropped with it, as eKuiper's
     * rule drop does ({@code cleanSinkCache}), so a new rule of the same id does not resend them.
     */
    public static void dropRule(Path dataDir, String ruleId) {
        if (dataDir == null) {
            return;
        }
        Path dir = dataDir.resolve("cache").resolve(segment(ruleId));
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            LoggerFactory.getLogger(SinkCaches.class).warn("cannot delete the sink cache of rule {} at {}: {}", ruleId,
                    dir, e.toString());
        }
    }

    /** Letters, digits, '-' and '_' stay; every other byte becomes %XX ('.' too, so no name is "." or ".."). */
    public static String segment(String name) {
        StringBuilder sb = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_') {
                sb.append((char) c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return sb.length() == 0 ? "%" : sb.toString();
    }
}
