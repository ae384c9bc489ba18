package io.oort.engine.core.internal.rule;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.oort.engine.core.api.Connector;
import io.oort.engine.core.api.ConnectorConfig;
import io.oort.engine.core.api.ConnectorContext;
import io.oort.engine.core.api.ConnectorException;
import io.oort.engine.core.api.ConnectorKind;
import io.oort.engine.core.api.PullSource;
import io.oort.engine.core.api.PushSource;
import io.oort.engine.core.api.SourceIngest;
import io.oort.engine.core.api.StatusListener;
import io.oort.engine.core.internal.config.Durations;
import io.oort.engine.core.internal.connector.Configs;
import io.oort.engine.core.internal.registry.ConnectorRegistry;
import io.oort.engine.sql.ast.StreamStatement;

/**
 * Opens a stream's source connector: properties from the default section and CONF_KEY of etc/sources, then the
 * connectionSelector's profile, then EXTRA (eKuiper's precedence); provision, connect, and subscribe (push) or a
 * scheduled pull every {@code interval}.
 */
final class SourceOpener {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** An opened source: close it to stop delivery. */
    static final class Opened {
        final Connector connector;
        final ConnectorContext ctx;
        ScheduledFuture<?> pulls;

        Opened(Connector connector, ConnectorContext ctx) {
            this.connector = connector;
            this.ctx = ctx;
        }

        void close() {
            if (pulls != null) {
                pulls.cancel(false);
            }
            try {
                connector.close(ctx);
            } catch (ConnectorException | RuntimeException e) {
                ctx.logger().warn("closing source failed: {}", e.getMessage());
            }
        }
    }

    private SourceOpener() {
    }

    static Map<String, Object> properties(RuleEnv env, StreamStatement st) throws ConnectorException {
        String type = st.options().type();
        Map<String, Object> props = new LinkedHashMap<>();
        try {
            props.putAll(env.confKeys().sourceProps(type, st.options().confKey()));
        } catch (IllegalArgumentException e) {
            throw new ConnectorException(e.getMessage());
        }
        Object selector = props.get("connectionSelector");
        if (selector != null && !String.valueOf(selector).isEmpty()) {
            Map<String, Object> conn = env.confKeys().connection(String.valueOf(selector));
            if (conn == null) {
                throw new ConnectorException("connection " + selector + " is not defined");
            }
            props.putAll(conn);
        }
        String extra = st.options().extra();
        if (extra != null && !extra.isEmpty()) {
            try {
                props.putAll(JSON.readValue(extra, new TypeReference<Map<String, Object>>() { }));
            } catch (java.io.IOException e) {
                throw new ConnectorException("invalid EXTRA option: " + e.getMessage());
            }
        }
        return props;
    }

    static Opened open(RuleEnv env, StreamStatement st, ConnectorContext ctx, StatusListener status,
            SourceIngest ingest) throws ConnectorException, MissingConnectorException {
        String type = st.options().type();
        ConnectorRegistry.Entry entry = env.connectors().find(ConnectorKind.SOURCE, type);
        if (entry == null) {
            throw new MissingConnectorException(ConnectorKind.SOURCE, type);
        }
        Map<String, Object> props = properties(env, st);
        ConnectorConfig config;
        try {
            config = Configs.validate(entry.descriptor(), st.options().datasource(), props);
        } catch (IllegalArgumentException e) {
            throw new ConnectorException(e.getMessage());
        }
        Connector c = entry.provider().create();
        Opened opened = new Opened(c, ctx);
        try {
            c.provision(ctx, config);
            c.connect(ctx, status);
            if (c instanceof PushSource push) {
                push.subscribe(ctx, ingest);
            } else if (c instanceof PullSource pull) {
                long interval = props.get("interval") == null ? 10_000
                        : Math.max(1, Durations.parse(props.get("interval")).toMillis());
                opened.pulls = env.timers().scheduleAtFixedRate(() -> env.workers().execute(() -> {
                    try {
                        pull.pull(ctx, env.clock().millis(), ingest);
                    } catch (ConnectorException | RuntimeException e) {
                        ingest.error(e);
                    }
                }), 0, interval, TimeUnit.MILLISECONDS);
            } else {
                throw new ConnectorException("connector " + type + " did not create a source");
            }
        } catch (ConnectorException | RuntimeException e) {
            opened.close();
            throw e instanceof ConnectorException ce ? ce : new ConnectorException(e.toString(), e);
        }
        return opened;
    }
}
