package io.oort.engine.core.internal.management;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.oort.engine.core.internal.builtin.MemoryBus;
import io.oort.engine.core.internal.rule.RuleDef;
import io.oort.engine.core.internal.rule.RuleManager;
import io.oort.engine.core.internal.service.ServiceException;

/**
 * One-off queries (the shell's {@code oort:query}, eKuiper's {@code kuiper query}): a temporary rule, neither listed
 * nor stored, whose results go to a private in-process memory topic that the caller reads row by row until it has
 * enough or closes the query.
 */
public final class QueryRunner {

    /** A running query. Closing it stops the temporary rule. */
    public interface Query extends AutoCloseable {
        /** The next result row, or null when none arrived within the timeout. */
        Map<String, Object> next(long timeout, TimeUnit unit) throws InterruptedException;

        /** Rows dropped because the reader was too slow (the buffer holds {@value QueryRunner#BUFFER} rows). */
        long dropped();

        @Override
        void close();
    }

    static final int BUFFER = 10_000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicLong SEQ = new AtomicLong();

    private final RuleManager rules;
    private final MemoryBus bus;

    public QueryRunner(RuleManager rules, MemoryBus bus) {
        this.rules = rules;
        this.bus = bus;
    }

    /** Starts a SELECT over the existing streams and tables. */
    public Query start(String sql) throws ServiceException {
        long n = SEQ.incrementAndGet();
        String id = "__query_" + n;
        String topic = "$oort/query/" + n;
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("id", id);
        rule.put("sql", sql);
        rule.put("actions", List.of(Map.of("memory", Map.of("topic", topic))));
        RuleDef def;
        try {
            def = RuleDef.parse(JSON.writeValueAsString(rule), null);
        } catch (JsonProcessingException e) {
            throw ServiceException.badRequest(ServiceException.RULE, e.getOriginalMessage());
        }
        BlockingQueue<Map<String, Object>> rows = new LinkedBlockingQueue<>(BUFFER);
        AtomicLong dropped = new AtomicLong();
        AutoCloseable sub = bus.subscribe(topic, row -> {
            if (!rows.offer(row)) {
                dropped.incrementAndGet();
            }
        });
        AutoCloseable running;
        try {
            running = rules.startTemporary(def);
        } catch (ServiceException | RuntimeException e) {
            closeQuietly(sub);
            throw e;
        }
        return new Query() {
            @Override
            public Map<String, Object> next(long timeout, TimeUnit unit) throws InterruptedException {
                return rows.poll(timeout, unit);
            }

            @Override
            public long dropped() {
                return dropped.get();
            }

            @Override
            public void close() {
                closeQuietly(running);
                closeQuietly(sub);
            }
        };
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            // nothing more to release
        }
    }
}
