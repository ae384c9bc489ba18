package io.oort.engine.core.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.oort.engine.core.api.ConnectionStatus;
import io.oort.engine.core.api.Connector;
import io.oort.engine.core.api.ConnectorConfig;
import io.oort.engine.core.api.ConnectorContext;
import io.oort.engine.core.api.ConnectorDescriptor;
import io.oort.engine.core.api.ConnectorKind;
import io.oort.engine.core.api.ConnectorProvider;
import io.oort.engine.core.api.PushSource;
import io.oort.engine.core.api.Sink;
import io.oort.engine.core.api.SinkMessage;
import io.oort.engine.core.api.SourceIngest;
import io.oort.engine.core.api.StatusListener;
import io.oort.engine.core.api.format.FormatContext;
import io.oort.engine.core.api.format.FormatDecoder;
import io.oort.engine.core.api.format.FormatEncoder;
import io.oort.engine.core.api.format.FormatException;
import io.oort.engine.core.api.format.FormatProvider;
import io.oort.engine.core.internal.config.EngineConfig;
import io.oort.engine.core.internal.registry.ConnectorRegistry;
import io.oort.engine.core.internal.rule.RuleDef;

/**
 * Plugin formats through the format SPI, without OSGi: a byte source and a byte sink around a "kv" format
 * (a=1&b=x) that a plugin would contribute. The stream's schema applies to what the plugin decodes; a malformed
 * payload is counted and the rule goes on; rules wait for a format that is not installed and stop when it goes.
 */
class PluginFormatsTest {

    private final ConnectorRegistry registry = new ConnectorRegistry();
    private final List<SourceIngest> ingests = new CopyOnWriteArrayList<>();
    private final List<String> sent = new CopyOnWriteArrayList<>();
    private final List<FormatContext> contexts = new CopyOnWriteArrayList<>();
    private EngineService engine;

    /** key=value pairs joined by '&', URL-encoded; the encoder writes rows the same way, keys sorted. */
    private final FormatProvider kv = new FormatProvider() {
        @Override
        public FormatDecoder decoder(FormatContext ctx) {
            contexts.add(ctx);
            return (payload, rows) -> {
                Map<String, Object> row = new LinkedHashMap<>();
                for (String pair : new String(payload, StandardCharsets.UTF_8).split("&")) {
                    int eq = pair.indexOf('=');
                    if (eq <= 0) {
                        throw new FormatException("no key=value in \"" + pair + "\"");
                    }
                    row.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            typed(URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8)));
                }
                rows.accept(row);
            };
        }

        @Override
        public FormatEncoder encoder(FormatContext ctx) {
            contexts.add(ctx);
            return data -> {
                if (!(data instanceof Map<?, ?> m)) {
                    throw new FormatException("kv writes one row at a time, got " + data.getClass().getSimpleName());
                }
                StringBuilder b = new StringBuilder();
                new TreeMap<>(m).forEach((k, v) -> b.append(b.length() == 0 ? "" : "&")
                        .append(URLEncoder.encode(String.valueOf(k), StandardCharsets.UTF_8)).append('=')
                        .append(URLEncoder.encode(String.valueOf(v), StandardCharsets.UTF_8)));
                return b.toString().getBytes(StandardCharsets.UTF_8);
            };
        }
    };
    /** The plugin types its values (the engine does not convert strings into numeric columns, as eKuiper). */
    private static Object typed(String v) {
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            try {
                return Double.parseDouble(v);
            } catch (NumberFormatException e2) {
                return v;
            }
        }
    }

    private final Map<String, Object> kvProps = Map.of(FormatProvider.NAME, "KV");

    @BeforeEach
    void open() throws Exception {
        registry.addProvider(byteSource(), Map.of(ConnectorProvider.TYPE, "bytesrc", ConnectorProvider.KIND, "source"));
        registry.addProvider(byteSink(), Map.of(ConnectorProvider.TYPE, "bytesink", ConnectorProvider.KIND, "sink"));
        engine = new EngineService(registry, EngineConfig.defaults(), null);
    }

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void pluginFormatDecodesIntoTheSchemaAndEncodesResults() throws Exception {
        registry.addFormat(kv, kvProps);
        engine.catalog().create("CREATE STREAM s (id BIGINT, t FLOAT) WITH (TYPE=\"bytesrc\", DATASOURCE=\"x\", "
                + "FORMAT=\"kv\", SCHEMAID=\"demo.Reading\")");
        rule("{\"id\":\"r\",\"sql\":\"SELECT id, t * 2 AS t2 FROM s WHERE t > 20\",\"actions\":[{\"bytesink\":"
                + "{\"format\":\"kv\",\"sendSingle\":true}}]}");
        assertEquals("running", status("r"));
        FormatContext dc = contexts.get(contexts.size() - 1);
        assertEquals("demo.Reading", contexts.stream().filter(c -> !c.fields().isEmpty()).findFirst().orElseThrow()
                .schemaId());
        assertEquals("kv", dc.format());
        push("id=1&t=10&extra=ignored");
        push("id=2&t=25.5");
        push("garbage");
        push("id=3&t=30");
        waitFor("two results", () -> sent.size() == 2, "r");
        assertEquals(List.of("id=2&t2=51.0", "id=3&t2=60.0"), sent);
        Map<String, Object> st = engine.rules().status("r");
        assertEquals(4L, st.get("source_s_0_records_in_total"));
        assertEquals(1L, st.get("source_s_0_exceptions_total"));
        assertTrue(String.valueOf(st.get("source_s_0_last_exception")).contains("kv decode error: no key=value"),
                String.valueOf(st.get("source_s_0_last_exception")));
    }

    @Test
    void rulesWaitForTheirFormatAndStopWhenItGoes() throws Exception {
        registry.addFormat(kv, kvProps);
        engine.catalog().create("CREATE STREAM s () WITH (TYPE=\"bytesrc\", DATASOURCE=\"x\", FORMAT=\"kv\")");
        rule("{\"id\":\"r\",\"sql\":\"SELECT * FROM s\",\"actions\":[{\"bytesink\":{\"format\":\"json\"}}]}");
        assertEquals("running", status("r"));
        registry.removeFormat(kv, kvProps);
        assertEquals("stopped", status("r"));
        assertEquals("format kv is not installed", engine.rules().status("r").get("message"));
        registry.addFormat(kv, kvProps);
        assertEquals("running", status("r"));
        push("a=1&b=x");
        waitFor("result", () -> sent.size() == 1, "r");
        assertEquals("[{\"a\":1,\"b\":\"x\"}]", sent.get(0), "schemaless: the plugin's values as they are");

        // a sink format that is not installed makes the rule wait as well
        rule("{\"id\":\"w\",\"sql\":\"SELECT * FROM s\",\"actions\":[{\"bytesink\":{\"format\":\"xml\"}}]}");
        assertEquals("stopped", status("w"));
        assertEquals("format xml is not installed", engine.rules().status("w").get("message"));
    }

    @Test
    void streamsNeedAKnownFormatAndBuiltinsCannotBeReplaced() throws Exception {
        ServiceException e = assertThrows(ServiceException.class, () -> engine.catalog().create(
                "CREATE STREAM s () WITH (TYPE=\"bytesrc\", DATASOURCE=\"x\", FORMAT=\"kv\")"));
        assertTrue(e.getMessage().contains("option 'format=kv' is invalid"), e.getMessage());
        registry.addFormat(kv, Map.of(FormatProvider.NAME, new String[] {"json", "kv"}));
        assertEquals(List.of("kv"), registry.formats().list().stream().map(x -> x.name()).toList());
    }

    private void push(String payload) {
        ingests.get(ingests.size() - 1).ingest(payload.getBytes(StandardCharsets.UTF_8), Map.of(), 0);
    }

    private void rule(String json) throws ServiceException {
        engine.rules().create(RuleDef.parse(json, null));
    }

    private String status(String id) throws ServiceException {
        return String.valueOf(engine.rules().status(id).get("status"));
    }

    private void waitFor(String what, BooleanSupplier c, String rule) throws Exception {
        TestEngines.waitFor(what, c, () -> "sent " + sent + "; rule status " + ruleStatus(rule));
    }

    private String ruleStatus(String rule) {
        try {
            return String.valueOf(engine.rules().status(rule));
        } catch (ServiceException e) {
            return e.getMessage();
        }
    }

    private ConnectorProvider byteSource() {
        return new ConnectorProvider() {
            @Override
            public ConnectorDescriptor descriptor() {
                return new ConnectorDescriptor("bytesrc", ConnectorKind.SOURCE, ConnectorDescriptor.Payload.BYTES, "",
                        List.of());
            }

            @Override
            public Connector create() {
                return new PushSource() {
                    @Override
                    public void provision(ConnectorContext ctx, ConnectorConfig config) {
                    }

                    @Override
                    public void connect(ConnectorContext ctx, StatusListener status) {
                        status.onStatus(ConnectionStatus.CONNECTED, null);
                    }

                    @Override
                    public void subscribe(ConnectorContext ctx, SourceIngest ingest) {
                        ingests.add(ingest);
                    }

                    @Override
                    public void close(ConnectorContext ctx) {
                    }
                };
            }
        };
    }

    private ConnectorProvider byteSink() {
        return new ConnectorProvider() {
            @Override
            public ConnectorDescriptor descriptor() {
                return new ConnectorDescriptor("bytesink", ConnectorKind.SINK, ConnectorDescriptor.Payload.BYTES, "",
                        List.of());
            }

            @Override
            public Connector create() {
                return new Sink() {
                    @Override
                    public void provision(ConnectorContext ctx, ConnectorConfig config) {
                    }

                    @Override
                    public void connect(ConnectorContext ctx, StatusListener status) {
                        status.onStatus(ConnectionStatus.CONNECTED, null);
                    }

                    @Override
                    public void collect(ConnectorContext ctx, SinkMessage message) {
                        sent.add(new String(message.payload(), StandardCharsets.UTF_8));
                    }

                    @Override
                    public void close(ConnectorContext ctx) {
                    }
                };
            }
        };
    }
}
