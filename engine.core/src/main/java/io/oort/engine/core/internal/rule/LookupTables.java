package io.oort.engine.core.internal.rule;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.oort.engine.core.api.Connector;
import io.oort.engine.core.api.ConnectorConfig;
import io.oort.engine.core.api.ConnectorContext;
import io.oort.engine.core.api.ConnectorException;
import io.oort.engine.core.api.ConnectorKind;
import io.oort.engine.core.api.LookupSource;
import io.oort.engine.core.api.StatusListener;
import io.oort.engine.core.internal.config.Durations;
import io.oort.engine.core.internal.connector.Configs;
import io.oort.engine.core.internal.registry.ConnectorRegistry;
import io.oort.engine.core.internal.runtime.LookupProvider;
import io.oort.engine.sql.analyzer.SourceInfo;
import io.oort.engine.sql.value.EvalException;
import io.oort.engine.sql.value.GoFormat;

/**
 * The lookup tables of one rule: a lookup connector per table, with eKuiper's lookup cache ({@code lookup:
 * {cache, cacheTtl, cacheMissingKey}} in the source's properties; entries expire after the TTL).
 */
final class LookupTables implements LookupProvider {

    private static final class Opened {
        LookupSource source;
        ConnectorContext ctx;
        boolean cache;
        long ttl;
        boolean cacheMissing;
        final Map<String, Object[]> entries = new HashMap<>(); // key -> {rows, expiresAt}
    }

    private final RuleEnv env;
    private final Map<Integer, Opened> tables = new HashMap<>();

    LookupTables(RuleEnv env) {
        this.env = env;
    }

    void open(SourceInfo s, ConnectorContext ctx, StatusListener status)
            throws ConnectorException, MissingConnectorException {
        String type = s.stream().options().type();
        ConnectorRegistry.Entry entry = env.connectors().find(ConnectorKind.LOOKUP, type);
        if (entry == null) {
            throw new MissingConnectorException(ConnectorKind.LOOKUP, type);
        }
        Map<String, Object> props = new LinkedHashMap<>(SourceOpener.properties(env, s.stream()));
        if (s.stream().options().key() != null) {
            props.put("key", s.stream().options().key());
        }
        Opened o = new Opened();
        if (props.get("lookup") instanceof Map<?, ?> lookup) {
            o.cache = Boolean.parseBoolean(String.valueOf(lookup.get("cache")));
            o.ttl = lookup.get("cacheTtl") == null ? 0 : Durations.parse(lookup.get("cacheTtl")).toMillis();
            o.cacheMissing = Boolean.parseBoolean(String.valueOf(lookup.get("cacheMissingKey")));
        }
        ConnectorConfig config;
        try {
            config = Configs.validate(entry.descriptor(), s.stream().options().datasource(), props);
        } catch (IllegalArgumentException e) {
            throw new ConnectorException(e.getMessage());
        }
        Connector c = entry.provider().create();
        if (!(c instanceof LookupSource ls)) {
            throw new ConnectorException("connector " + type + " did not create a lookup source");
        }
        o.source = ls;
        o.ctx = ctx;
        try {
            ls.provision(ctx, config);
            ls.connect(ctx, status);
        } catch (ConnectorException | RuntimeException e) {
            close(o);
            throw e instanceof ConnectorException ce ? ce : new ConnectorException(e.toString(), e);
        }
        tables.put(s.index(), o);
    }

    @Override
    public List<Map<String, Object>> lookup(int source, List<String> keys, List<Object> values) {
        Opened o = tables.get(source);
        if (o == null) {
            throw new EvalException("lookup table is not open");
        }
        String cacheKey = null;
        long now = env.clock().millis();
        if (o.cache) {
            cacheKey = GoFormat.v(values);
            Object[] hit = o.entries.get(cacheKey);
            if (hit != null && (o.ttl <= 0 || (long) hit[1] > now)) {
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> rows = (List<Map<String, Object>>) hit[0];
                return rows;
            }
        }
        List<Map<String, Object>> rows;
        try {
            rows = o.source.lookup(o.ctx, List.of(), keys, values);
        } catch (ConnectorException | RuntimeException e) {
            throw new EvalException("lookup failed: " + e.getMessage());
        }
        if (rows == null) {
            rows = List.of();
        }
        if (o.cache && (!rows.isEmpty() || o.cacheMissing)) {
            if (o.entries.size() > 100_000) {
                o.entries.values().removeIf(e -> o.ttl > 0 && (long) e[1] <= now);
            }
            o.entries.put(cacheKey, new Object[] {rows, o.ttl > 0 ? now + o.ttl : Long.MAX_VALUE});
        }
        return rows;
    }

    void close() {
        for (Opened o : tables.values()) {
            close(o);
        }
        tables.clear();
    }

    private static void close(Opened o) {
        try {
            o.source.close(o.ctx);
        } catch (ConnectorException | RuntimeException e) {
            o.ctx.logger().warn("closing lookup source failed: {}", e.getMessage());
        }
    }
}
