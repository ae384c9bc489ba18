package io.oort.connector.mqtt;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.oort.connector.mqtt.internal.MqttConnectionPool;
import io.oort.engine.core.api.Connector;
import io.oort.engine.core.api.ConnectorException;
import io.oort.engine.core.api.PushSource;
import io.oort.engine.core.api.Sink;

/**
 * Creates connectors the way the engine does (provider → provision → connect → subscribe) and closes all of them
 * and the pool afterwards.
 */
public final class ConnectorHarness implements AutoCloseable {
    public final MqttConnectionPool pool = new MqttConnectionPool();
    public final MqttSourceProvider sources = new MqttSourceProvider(pool);
    public final MqttSinkProvider sinks = new MqttSinkProvider(pool);
    private final List<Connector> open = new ArrayList<>();
    private int seq;

    /** A running source and what it reports. */
    public record RunningSource(PushSource source, TestContext ctx, RecordingIngest ingest, RecordingStatus status) {
    }

    /** A connected sink and what it reports. */
    public record RunningSink(Sink sink, TestContext ctx, RecordingStatus status) {
        public void send(TestSinkMessage m) throws ConnectorException {
            sink.collect(ctx, m);
        }
    }

    public RunningSource source(String datasource, Map<String, ?> props) throws ConnectorException {
        PushSource s = (PushSource) sources.create();
        TestContext ctx = new TestContext("rule" + (++seq), "source_" + seq);
        s.provision(ctx, TestConfig.of(MqttSourceProvider.DESCRIPTOR, datasource, props));
        open.add(s);
        RecordingStatus status = new RecordingStatus();
        s.connect(ctx, status);
        RecordingIngest ingest = new RecordingIngest();
        s.subscribe(ctx, ingest);
        return new RunningSource(s, ctx, ingest, status);
    }

    public RunningSink sink(Map<String, ?> props) throws ConnectorException {
        Sink s = (Sink) sinks.create();
        TestContext ctx = new TestContext("rule" + (++seq), "sink_" + seq);
        s.provision(ctx, TestConfig.of(MqttSinkProvider.DESCRIPTOR, null, props));
        open.add(s);
        RecordingStatus status = new RecordingStatus();
        s.connect(ctx, status);
        return new RunningSink(s, ctx, status);
    }

    public void close(RunningSource s) throws ConnectorException {
        s.source().close(s.ctx());
        open.remove(s.source());
    }

    public void close(RunningSink s) throws ConnectorException {
        s.sink().close(s.ctx());
        open.remove(s.sink());
    }

    @Override
    public void close() throws ConnectorException {
        for (Connector c : List.copyOf(open)) {
            c.close(new TestContext("cleanup", "cleanup"));
        }
        open.clear();
        pool.shutdown();
    }
}
