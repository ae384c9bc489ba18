package io.oort.engine.core.internal.builtin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.oort.engine.core.api.Connector;
import io.oort.engine.core.api.ConnectionStatus;
import io.oort.engine.core.api.ConnectorConfig;
import io.oort.engine.core.api.ConnectorContext;
import io.oort.engine.core.api.ConnectorDescriptor;
import io.oort.engine.core.api.ConnectorException;
import io.oort.engine.core.api.ConnectorKind;
import io.oort.engine.core.api.ConnectorProvider;
import io.oort.engine.core.api.PropertyDecl;
import io.oort.engine.core.api.PropertyType;
import io.oort.engine.core.api.PushSource;
import io.oort.engine.core.api.Sink;
import io.oort.engine.core.api.SinkMessage;
import io.oort.engine.core.api.SourceIngest;
import io.oort.engine.core.api.StatusListener;

/**
 * The core's own connectors: memory source and sink (in-process topics with wildcards, to chain rules), log sink
 * (results to the log) and nop sink (drops results; for benchmarks). Always installed.
 */
public final class MemoryConnectors {

    private MemoryConnectors() {
    }

    /** Providers for the registry. */
    public static List<ConnectorProvider> providers(MemoryBus bus) {
        MemoryTables tables = new MemoryTables(bus);
        return List.of(memorySource(bus), memorySink(bus), memoryLookup(tables), logSink(), nopSink());
    }

    static ConnectorProvider memoryLookup(MemoryTables tables) {
        ConnectorDescriptor d = new ConnectorDescriptor("memory", ConnectorKind.LOOKUP,
                ConnectorDescriptor.Payload.TUPLES, "Lookup table of the latest row per KEY published to a memory "
                        + "topic (DATASOURCE) by memory sinks.",
                List.of(PropertyDecl.required("key", PropertyType.STRING, "the primary key column (the table's KEY)")));
        return provider(d, () -> new io.oort.engine.core.api.LookupSource() {
            private String topic;
            private String key;
            private MemoryTables.Table table;

            @Override
            public void provision(ConnectorContext ctx, ConnectorConfig config) throws ConnectorException {
                topic = config.datasource();
                key = config.getString("key");
                if (topic == null || topic.isEmpty()) {
                    throw new ConnectorException("datasource(topic) is required");
                }
                if (key == null || key.isEmpty()) {
                    throw new ConnectorException("key is required for lookup source");
                }
            }

            @Override
            public void connect(ConnectorContext ctx, StatusListener status) {
                table = tables.attach(topic, key);
                status.onStatus(ConnectionStatus.CONNECTED, null);
            }

            @Override
            public List<Map<String, Object>> lookup(ConnectorContext ctx, List<String> fields, List<String> keys,
                    List<Object> values) {
                return table.read(keys, values);
            }

            @Override
            public void close(ConnectorContext ctx) {
                if (table != null) {
                    tables.detach(table);
                    table = null;
                }
            }
        });
    }

    private static ConnectorProvider provider(ConnectorDescriptor d, java.util.function.Supplier<Connector> f) {
        return new ConnectorProvider() {
            @Override
            public ConnectorDescriptor descriptor() {
                return d;
            }

            @Override
            public Connector create() {
                return f.get();
            }
        };
    }

    static ConnectorProvider memorySource(MemoryBus bus) {
        ConnectorDescriptor d = new ConnectorDescriptor("memory", ConnectorKind.SOURCE,
                ConnectorDescriptor.Payload.TUPLES, "Rows published by memory sinks of other rules (DATASOURCE is "
                        + "the topic, + and # wildcards allowed).", List.of());
        return provider(d, () -> new PushSource() {
            private String topic;
            private AutoCloseable sub;

            @Override
            public void provision(ConnectorContext ctx, ConnectorConfig config) throws ConnectorException {
                topic = config.datasource();
                if (topic == null || topic.isEmpty()) {
                    throw new ConnectorException("memory source needs a DATASOURCE topic");
                }
            }

            @Override
            public void connect(ConnectorContext ctx, StatusListener status) {
                status.onStatus(ConnectionStatus.CONNECTED, null);
            }

            @Override
            public void subscribe(ConnectorContext ctx, SourceIngest ingest) {
                sub = bus.subscribe(topic, row -> ingest.ingestTuple(row, Map.of("topic", topic),
                        ctx.clock().millis()));
            }

            @Override
            public void close(ConnectorContext ctx) {
                if (sub != null) {
                    try {
                        sub.close();
                    } catch (Exception e) {
                        // nothing held
                    }
                }
            }
        });
    }

    static ConnectorProvider memorySink(MemoryBus bus) {
        ConnectorDescriptor d = new ConnectorDescriptor("memory", ConnectorKind.SINK,
                ConnectorDescriptor.Payload.TUPLES, "Publishes each result row to an in-process topic.",
                List.of(PropertyDecl.required("topic", PropertyType.STRING, "topic (may be a template)"),
                        PropertyDecl.optional("rowkindField", PropertyType.STRING, null,
                                "field naming the row kind for updatable lookup tables"),
                        PropertyDecl.optional("keyField", PropertyType.STRING, null, "key field for updates")));
        return provider(d, () -> new Sink() {
            @Override
            public void provision(ConnectorContext ctx, ConnectorConfig config) throws ConnectorException {
                // the topic is read per message (it may be a template)
                rowkindField = config.getString("rowkindField");
                if (rowkindField != null && rowkindField.isEmpty()) {
                    rowkindField = null;
                }
                String keyField = config.getString("keyField");
                if (rowkindField != null && (keyField == null || keyField.isEmpty())) {
                    throw new ConnectorException("keyField is required when rowkindField is set");
                }
            }

            @Override
            public void connect(ConnectorContext ctx, StatusListener status) {
                status.onStatus(ConnectionStatus.CONNECTED, null);
            }

            private String rowkindField;

            @Override
            public void collect(ConnectorContext ctx, SinkMessage message) throws ConnectorException {
                String topic = message.property("topic");
                for (Map<String, Object> row : message.rows()) {
                    String kind = MemoryBus.UPSERT;
                    if (rowkindField != null) {
                        Object k = row.get(rowkindField);
                        if (k != null && !(k instanceof String)) {
                            throw new ConnectorException("rowkind field " + rowkindField + " is not a string in data "
                                    + row);
                        }
                        if (k != null) {
                            kind = (String) k;
                            if (!List.of(MemoryBus.INSERT, MemoryBus.UPDATE, MemoryBus.UPSERT, MemoryBus.DELETE)
                                    .contains(kind)) {
                                throw new ConnectorException("invalid rowkind " + kind);
                            }
                        }
                    }
                    bus.publish(topic, new LinkedHashMap<>(row), kind);
                }
            }

            @Override
            public void close(ConnectorContext ctx) {
                // nothing held
            }
        });
    }

    static ConnectorProvider logSink() {
        ConnectorDescriptor d = new ConnectorDescriptor("log", ConnectorKind.SINK, ConnectorDescriptor.Payload.BYTES,
                "Writes each result to the log.", List.of());
        return provider(d, () -> new Sink() {
            @Override
            public void provision(ConnectorContext ctx, ConnectorConfig config) {
                // no properties
            }

            @Override
            public void connect(ConnectorContext ctx, StatusListener status) {
                status.onStatus(ConnectionStatus.CONNECTED, null);
            }

            @Override
            public void collect(ConnectorContext ctx, SinkMessage message) {
                ctx.logger().info("sink result for rule {}: {}", ctx.ruleId(),
                        new String(message.payload(), java.nio.charset.StandardCharsets.UTF_8));
            }

            @Override
            public void close(ConnectorContext ctx) {
                // nothing held
            }
        });
    }

    static ConnectorProvider nopSink() {
        ConnectorDescriptor d = new ConnectorDescriptor("nop", ConnectorKind.SINK, ConnectorDescriptor.Payload.BYTES,
                "Discards results (for measurements).",
                List.of(PropertyDecl.optional("log", PropertyType.BOOLEAN, false, "log each result")));
        return provider(d, () -> new Sink() {
            private boolean log;

            @Override
            public void provision(ConnectorContext ctx, ConnectorConfig config) {
                log = config.getBoolean("log");
            }

            @Override
            public void connect(ConnectorContext ctx, StatusListener status) {
                status.onStatus(ConnectionStatus.CONNECTED, null);
            }

            @Override
            public void collect(ConnectorContext ctx, SinkMessage message) {
                if (log) {
                    ctx.logger().info("nop sink: {}", new String(message.payload(),
                            java.nio.charset.StandardCharsets.UTF_8));
                }
            }

            @Override
            public void close(ConnectorContext ctx) {
                // nothing held
            }
        });
    }
}
