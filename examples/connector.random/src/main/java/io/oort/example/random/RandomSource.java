package io.oort.example.random;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import io.oort.engine.core.api.ConnectionStatus;
import io.oort.engine.core.api.ConnectorConfig;
import io.oort.engine.core.api.ConnectorContext;
import io.oort.engine.core.api.ConnectorException;
import io.oort.engine.core.api.PullSource;
import io.oort.engine.core.api.SourceIngest;
import io.oort.engine.core.api.StatusListener;

/**
 * One random source instance. The engine calls {@link #pull} every {@code interval} (never concurrently), so the
 * instance keeps its state in plain fields. eKuiper's Random stops at the first non-integer pattern value, whose
 * position depends on Go's random map order; this one skips such values instead.
 */
final class RandomSource implements PullSource {

    private Map<String, Object> pattern;
    private int seed;
    private long deduplicate;
    private final Random random = new Random();
    /** The last rows sent, for deduplication: in order, and as a set for lookups. */
    private final Deque<String> recent = new ArrayDeque<>();
    private final Set<String> seen = new HashSet<>();

    @Override
    public void provision(ConnectorContext ctx, ConnectorConfig config) throws ConnectorException {
        long s = config.getLong("seed");
        if (s <= 0 || s > Integer.MAX_VALUE) {
            throw new ConnectorException("source `random` property `seed` must be a positive integer but got " + s);
        }
        Map<String, Object> p = config.getMap("pattern");
        if (p.isEmpty()) {
            throw new ConnectorException("source `random` property `pattern` is required");
        }
        this.seed = (int) s;
        this.pattern = new LinkedHashMap<>(p);
        this.deduplicate = config.getLong("deduplicate");
    }

    @Override
    public void connect(ConnectorContext ctx, StatusListener status) {
        status.onStatus(ConnectionStatus.CONNECTED, "");
    }

    @Override
    public void pull(ConnectorContext ctx, long triggerMillis, SourceIngest ingest) {
        Map<String, Object> row = next();
        if (deduplicate != 0 && isDuplicate(row)) {
            ctx.logger().debug("random source: duplicate {} skipped", row);
            return;
        }
        ingest.ingestTuple(row, Map.of(), triggerMillis);
    }

    Map<String, Object> next() {
        Map<String, Object> row = new LinkedHashMap<>();
        for (Map.Entry<String, Object> e : pattern.entrySet()) {
            if (e.getValue() instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
                row.put(e.getKey(), n.longValue() + random.nextInt(seed));
            }
        }
        return row;
    }

    /** Remembers the row and says whether it was seen within the deduplication window. */
    boolean isDuplicate(Map<String, Object> row) {
        String key = new TreeMap<>(row).toString();
        if (seen.contains(key)) {
            return true;
        }
        if (deduplicate > 0 && recent.size() >= deduplicate) {
            seen.remove(recent.removeFirst());
        }
        recent.addLast(key);
        seen.add(key);
        return false;
    }

    @Override
    public void close(ConnectorContext ctx) {
        recent.clear();
        seen.clear();
    }
}
