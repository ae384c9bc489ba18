package io.oort.connector.mqtt.internal;

import static io.oort.connector.mqtt.internal.MqttOptions.CONNECTION_SELECTOR;
import static io.oort.connector.mqtt.internal.MqttOptions.QOS;

import java.util.ArrayList;
import java.util.List;

import io.oort.engine.core.api.ConnectorConfig;
import io.oort.engine.core.api.ConnectorContext;
import io.oort.engine.core.api.ConnectorException;
import io.oort.engine.core.api.PushSource;
import io.oort.engine.core.api.SourceIngest;
import io.oort.engine.core.api.StatusListener;

/**
 * Subscribes to the DATASOURCE topic filters (several may be given comma-separated, as in eKuiper) and hands every
 * message to the engine with eKuiper's metadata (see {@link IngestHandler}).
 */
public final class MqttSource implements PushSource {
    private final MqttConnectionPool pool;
    private List<String> filters;
    private int qos;
    private String selector;
    private ConnectionSettings settings;
    private MqttConnectionPool.Lease lease;
    private IngestHandler handler;

    public MqttSource(MqttConnectionPool pool) {
        this.pool = pool;
    }

    @Override
    public void provision(ConnectorContext ctx, ConnectorConfig config) throws ConnectorException {
        String datasource = config.datasource();
        if (datasource == null || datasource.isBlank()) {
            throw new ConnectorException("topic is required");
        }
        List<String> list = new ArrayList<>();
        for (String f : datasource.split(",")) {
            String filter = f.trim();
            if (filter.isEmpty()) {
                continue;
            }
            String problem = TopicFilter.validateFilter(filter);
            if (problem != null) {
                throw new ConnectorException("invalid mqtt topic " + filter + ": " + problem);
            }
            if (!list.contains(filter)) {
                list.add(filter);
            }
        }
        if (list.isEmpty()) {
            throw new ConnectorException("topic is required");
        }
        filters = List.copyOf(list);
        qos = MqttSink.checkQos(config.has(QOS) ? config.getLong(QOS) : 1);
        settings = ConnectionSettings.from(config, ctx.logger());
        selector = MqttSink.selector(config.getString(CONNECTION_SELECTOR));
    }

    @Override
    public void connect(ConnectorContext ctx, StatusListener status) throws ConnectorException {
        String owner = ctx.ruleId() + "-" + ctx.operatorId() + "-" + String.join(",", filters) + "-mqtt-source";
        IngestHandler h = new IngestHandler(ctx.clock());
        // The subscription is registered before the first CONNECT so that nothing delivered at once is lost.
        lease = pool.acquire(selector, settings, owner, status, ctx.logger(), c -> c.subscribe(filters, qos, h));
        handler = h;
        // Bounded: a broker that is down must not fail or stall the rule; the connection keeps retrying. Done early
        // when a persistent session's backlog already fills the handler's buffer.
        lease.connection().awaitFirstAttempt(MqttLink.OPERATION_TIMEOUT_MS, h.backlogWaiting);
    }

    @Override
    public void subscribe(ConnectorContext ctx, SourceIngest ingest) throws ConnectorException {
        if (handler == null) {
            throw new ConnectorException("mqtt source " + filters + " is not connected");
        }
        handler.start(ingest);
    }

    @Override
    public void close(ConnectorContext ctx) {
        if (lease == null) {
            return;
        }
        // The connection goes first, the handler after: a connection of its own disconnects (quiescing, so what
        // Paho already received still reaches the engine), and a persistent session keeps whatever the broker had
        // not delivered yet. A handler closed first would acknowledge messages it can no longer hand over — lost.
        MqttConnectionPool.Lease l = lease;
        IngestHandler h = handler;
        lease = null;
        handler = null;
        l.release();
        if (h != null) {
            h.close();
            l.connection().unsubscribe(h);
        }
    }
}
