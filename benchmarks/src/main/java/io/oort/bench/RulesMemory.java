package io.oort.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.management.ObjectName;

import io.oort.engine.core.api.ConnectorKind;
import io.oort.engine.core.api.Sink;
import io.oort.engine.core.api.SinkMessage;
import io.oort.engine.core.internal.config.EngineConfig;
import io.oort.engine.core.internal.registry.ConnectorRegistry;
import io.oort.engine.core.internal.rule.RuleDef;
import io.oort.engine.core.internal.service.EngineService;

/**
 * Heap per running rule: N filter rules ({@code SELECT deviceId, temperature FROM demo WHERE temperature > k},
 * action {@code nop}) on one shared memory stream in the managed runtime (EngineService, in-memory store), as
 * issue 4 asks ("10,000 rules fit in a 1 GB heap; eKuiper reports 400-500 KB per rule").
 *
 * <p>Method: start the engine and the stream, create and delete a few rules (class loading, lazily built caches),
 * full GC until the used heap is stable, read it; create N rules and wait until all run; publish events to the
 * stream and wait until every rule has consumed them (so buffers and per-rule state have been touched); full GC,
 * read the used heap again. Bytes per rule = (after - before) / N. Run with {@code -Xmx1g} to show the rules
 * fit: {@code java -Xmx1g -cp benchmarks/target/benchmarks.jar io.oort.bench.RulesMemory [N] [events]}. Also
 * prints the class histogram's top entries after the rules were created.
 */
public final class RulesMemory {

    private RulesMemory() {
    }

    public static void main(String[] args) throws Exception {
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int events = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        MemoryMXBean mem = ManagementFactory.getMemoryMXBean();
        long t0 = System.nanoTime();
        EngineService svc = new EngineService(new ConnectorRegistry(), EngineConfig.defaults(), null);
        svc.catalog().create("CREATE STREAM demo (deviceId STRING, temperature FLOAT, humidity FLOAT) "
                + "WITH (TYPE=\"memory\", DATASOURCE=\"demo\", SHARED=\"true\")");
        Sink publisher = (Sink) svc.connectors().find(ConnectorKind.SINK, "memory").provider().create();

        for (int i = 0; i < 20; i++) {
            svc.rules().create(RuleDef.parse(rule("warm" + i, i), null));
        }
        publish(publisher, 10);
        Thread.sleep(200);
        for (int i = 0; i < 20; i++) {
            svc.rules().delete("warm" + i);
        }
        long before = usedAfterGc(mem);

        long c0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            svc.rules().create(RuleDef.parse(rule("r" + i, i), null));
        }
        long createdNanos = System.nanoTime() - c0;
        int running = 0;
        for (String id : svc.rules().ids()) {
            if ("running".equals(svc.rules().status(id).get("status"))) {
                running++;
            }
        }
        long afterCreate = usedAfterGc(mem);

        long p0 = System.nanoTime();
        publish(publisher, events);
        // every rule must have taken every event
        String last = "r" + (n - 1);
        long deadline = System.currentTimeMillis() + 120_000;
        while (recordsIn(svc, last) < events && System.currentTimeMillis() < deadline) {
            Thread.sleep(1);
        }
        long inFirst = recordsIn(svc, "r0");
        long inLast = recordsIn(svc, last);
        long deliverNanos = System.nanoTime() - p0;
        long afterEvents = usedAfterGc(mem);

        System.out.printf("rules: %d created in %.1f s, %d running; %d events published, rule r0 took %d, %s took %d "
                + "(%.1f s for %d deliveries)%n", n, createdNanos / 1e9, running, events, inFirst, last, inLast,
                deliverNanos / 1e9, (long) events * n);
        System.out.printf("max heap %d MB; used after GC: before %.1f MB, after creating %.1f MB, after events %.1f MB%n",
                Runtime.getRuntime().maxMemory() >> 20, before / 1048576.0, afterCreate / 1048576.0,
                afterEvents / 1048576.0);
        System.out.printf("bytes per rule: %d after creation, %d after events (%.1f KB)%n", (afterCreate - before) / n,
                (afterEvents - before) / n, (afterEvents - before) / n / 1024.0);
        System.out.printf("delivery: %.0f rule-events/s (%d events x %d rules, 2 worker threads)%n",
                (double) events * n / (deliverNanos / 1e9), events, n);
        System.out.println("status of r0: " + svc.rules().status("r0"));
        System.out.println("class histogram (top 30):");
        String histo = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                new Object[] {new String[0]}, new String[] {String[].class.getName()});
        histo.lines().limit(33).forEach(System.out::println);
        System.out.printf("total %.1f s%n", (System.nanoTime() - t0) / 1e9);
        System.exit(0);
    }

    private static String rule(String id, int i) {
        return "{\"id\":\"" + id + "\",\"sql\":\"SELECT deviceId, temperature FROM demo WHERE temperature > "
                + (i % 40) + "\",\"actions\":[{\"nop\":{}}]}";
    }

    private static long recordsIn(EngineService svc, String id) throws Exception {
        for (Map.Entry<String, Object> e : svc.rules().status(id).entrySet()) {
            // the source operator counts what it passed on as records_out (eKuiper's naming)
            if (e.getKey().startsWith("source_") && e.getKey().endsWith("records_out_total")) {
                return ((Number) e.getValue()).longValue();
            }
        }
        return -1;
    }

    private static void publish(Sink sink, int events) throws Exception {
        for (int i = 0; i < events; i++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("deviceId", BenchData.DEVICE_IDS[i % BenchData.DEVICES]);
            row.put("temperature", (double) (i % 40));
            row.put("humidity", 50.0);
            List<Map<String, Object>> rows = List.of(row);
            sink.collect(null, new SinkMessage() {
                @Override
                public byte[] payload() {
                    return null;
                }

                @Override
                public List<Map<String, Object>> rows() {
                    return rows;
                }

                @Override
                public String property(String name) {
                    return "topic".equals(name) ? "demo" : null;
                }

                @Override
                public Map<String, Object> meta() {
                    return Map.of();
                }
            });
        }
    }

    private static long usedAfterGc(MemoryMXBean mem) throws InterruptedException {
        long prev = Long.MAX_VALUE;
        long used = 0;
        for (int i = 0; i < 10; i++) {
            System.gc();
            Thread.sleep(100);
            used = mem.getHeapMemoryUsage().getUsed();
            if (Math.abs(prev - used) < 64 * 1024) {
                break;
            }
            prev = used;
        }
        return used;
    }
}
