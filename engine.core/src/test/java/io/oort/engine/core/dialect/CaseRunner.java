package io.oort.engine.core.dialect;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.oort.engine.core.embed.Oort;
import io.oort.engine.core.embed.OortException;
import io.oort.engine.core.embed.ResultListener;
import io.oort.engine.core.embed.RuleHandle;
import io.oort.engine.core.internal.format.GoJson;
import io.oort.engine.sql.ast.StreamStatement;
import io.oort.engine.sql.parser.SqlParser;

/**
 * Runs a {@link DialectCase} in-process: creates the streams, the rule, pushes each input as JSON to the streams
 * whose DATASOURCE matches its topic (MQTT wildcards), with {@code meta(topic)}, advancing the clock by 1 ms per
 * input (plus any delay), and compares what the rule emits with the expected messages the way the conformance
 * runner does (numbers with relative tolerance 1e-9, key order ignored).
 */
final class CaseRunner {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Returns null when the case passes, else a description of the difference. */
    static String run(DialectCase c) throws Exception {
        List<JsonNode> got = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        long t = 1_700_000_000_000L;
        try (Oort oort = Oort.create().zone(ZoneOffset.UTC)) {
            oort.setTime(t);
            Map<String, String> topics = new HashMap<>();
            for (String ddl : c.streams()) {
                oort.execute(ddl);
                StreamStatement st = SqlParser.parseStream(ddl);
                topics.put(st.name(), st.options().datasource());
            }
            RuleHandle rule;
            try {
                rule = oort.rule(c.name(), c.sql(), c.options(), new ResultListener() {
                    @Override
                    public void onResult(List<Map<String, Object>> rows) {
                        try {
                            got.add(JSON.readTree(GoJson.string(rows)));
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    }

                    @Override
                    public void onError(String message) {
                        errors.add(message);
                    }
                });
            } catch (OortException e) {
                return "rule rejected: " + e.getMessage();
            }
            for (DialectCase.Input in : c.inputs()) {
                t += 1 + in.delayMs();
                rule.advanceTime(t);
                for (Map.Entry<String, String> e : topics.entrySet()) {
                    if (topicMatches(e.getValue(), in.topic())) {
                        rule.pushJson(e.getKey(), in.payload(), t, Map.of("topic", in.topic()));
                    }
                }
            }
        }
        String diff = Compare.compare(c.expected(), got, c.compare());
        if (diff != null && !errors.isEmpty()) {
            diff += "\nruntime errors: " + errors;
        }
        return diff;
    }

    static boolean topicMatches(String filter, String topic) {
        if (filter == null) {
            return false;
        }
        for (String f : filter.split(",")) {
            if (matchOne(f.trim(), topic)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matchOne(String filter, String topic) {
        String[] fs = filter.split("/", -1);
        String[] ts = topic.split("/", -1);
        for (int i = 0; i < fs.length; i++) {
            if (fs[i].equals("#")) {
                return true;
            }
            if (i >= ts.length) {
                return false;
            }
            if (!fs[i].equals("+") && !fs[i].equals(ts[i])) {
                return false;
            }
        }
        return fs.length == ts.length;
    }
}
