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
        return List.of(memorySource(bus), memorySink(bus), logSink(), nopSink());
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
            public void provision(ConnectorContext ctx, ConnectorConfig config) {
                // the topic is read per message (it may be a template)
            }

            @Override
            public void connect(ConnectorContext ctx, StatusListener status) {
                status.onStatus(ConnectionStatus.CONNECTED, null);
            }

            @Override
            public void collect(ConnectorContext ctx, SinkMessage message) {
                String topic = message.property("topic");
                for (Map<String, Object> row : message.rows()) {
                    bus.publish(topic, new LinkedHashMap<>(row));
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
