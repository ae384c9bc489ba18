package io.oort.engine.core.internal.sink;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.oort.engine.core.api.Connector;
import io.oort.engine.core.api.ConnectionStatus;
import io.oort.engine.core.api.ConnectorConfig;
import io.oort.engine.core.api.ConnectorContext;
import io.oort.engine.core.api.ConnectorDescriptor;
import io.oort.engine.core.api.ConnectorException;
import io.oort.engine.core.api.ConnectorKind;
import io.oort.engine.core.api.ConnectorProvider;
import io.oort.engine.core.api.RecoverableException;
import io.oort.engine.core.api.Sink;
import io.oort.engine.core.api.SinkMessage;
import io.oort.engine.core.api.StatusListener;
import io.oort.engine.core.internal.registry.ConnectorRegistry;

/**
 * A sink connector the tests switch between delivering, failing recoverably (the network is gone) and rejecting
 * messages. It tests the engine's cache and pipeline, not a protocol: it records what it was handed.
 */
final class FakeSink {

    enum Mode { DELIVER, DOWN, REJECT }

    /** What one collect saw. */
    record Got(String payload, List<Map<String, Object>> rows, String topic) {
    }

    volatile Mode mode = Mode.DELIVER;
    final List<Got> delivered = new CopyOnWriteArrayList<>();
    final List<Got> attempts = new CopyOnWriteArrayList<>();
    final List<byte[]> rawPayloads = new CopyOnWriteArrayList<>();
    int closes;

    ConnectorRegistry.Entry entry(ConnectorDescriptor.Payload payload) {
        ConnectorDescriptor d = new ConnectorDescriptor("fake", ConnectorKind.SINK, payload, "test sink", List.of());
        ConnectorProvider p = new ConnectorProvider() {
            @Override
            public ConnectorDescriptor descriptor() {
                return d;
            }

            @Override
            public Connector create() {
                return new Sink() {
                    @Override
                    public void provision(ConnectorContext ctx, ConnectorConfig config) {
                        // nothing to check
                    }

                    @Override
                    public void connect(ConnectorContext ctx, StatusListener status) {
                        status.onStatus(ConnectionStatus.CONNECTED, null);
                    }

                    @Override
                    public void collect(ConnectorContext ctx, SinkMessage m) throws ConnectorException {
                        byte[] b = m.payload();
                        Got g = new Got(b == null ? null : new String(b, StandardCharsets.UTF_8),
                                new ArrayList<>(m.rows()), m.property("topic"));
                        attempts.add(g);
                        switch (mode) {
                            case DOWN -> throw new RecoverableException("fake target is unreachable");
                            case REJECT -> throw new ConnectorException("fake target rejected the message");
                            default -> {
                                delivered.add(g);
                                rawPayloads.add(b);
                            }
                        }
                    }

                    @Override
                    public void close(ConnectorContext ctx) {
                        closes++;
                    }
                };
            }
        };
        return new ConnectorRegistry.Entry(ConnectorKind.SINK, "fake", p, "test", "0");
    }

    List<String> payloads() {
        return delivered.stream().map(Got::payload).toList();
    }
}
