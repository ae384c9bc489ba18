package io.oort.engine.core.internal.management;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.oort.engine.core.internal.rule.RuleManager;
import io.oort.engine.core.internal.service.ServiceException;

/**
 * {@code GET /metrics}: the rules' operator metrics in the Prometheus text format (version 0.0.4), under eKuiper's
 * names ({@code kuiper_source_records_in_total{rule,type,op,op_instance}}, {@code kuiper_rule_status{rule}},
 * {@code kuiper_rule_count{status}}) and again under {@code oort_} names with the same labels, so dashboards built
 * for eKuiper work unchanged. eKuiper's latency histogram and CPU time are not produced.
 */
public final class Prometheus {

    /** A metric suffix of the status keys, its Prometheus type and help text. */
    private record Family(String suffix, String type, String help, boolean connectorsOnly) {
    }

    private static final List<Family> FAMILIES = List.of(
            new Family("records_in_total", "counter", "Total number of messages received by the operation", false),
            new Family("records_out_total", "counter", "Total number of messages published by the operation", false),
            new Family("messages_processed_total", "counter", "Total number of messages processed by the operation",
                    false),
            new Family("exceptions_total", "counter", "Total number of user exceptions of the operation", false),
            new Family("process_latency_us", "gauge", "Process latency in microseconds of the operation", false),
            new Family("buffer_length", "gauge", "The length of the buffer in front of the operation", false),
            new Family("connection_status", "gauge",
                    "The connection status: 0 connecting, 1 connected, -1 disconnected", true));

    private static final List<String> OP_TYPES = List.of("source", "op", "sink");

    /** One rule's state and its flat status map (as {@code GET /rules/{id}/status} answers). */
    public record RuleSample(String id, int status, Map<String, Object> metrics) {
    }

    private final RuleManager rules;

    public Prometheus(RuleManager rules) {
        this.rules = rules;
    }

    /** The current metrics of every rule. */
    public String scrape() {
        List<RuleSample> samples = new ArrayList<>();
        for (String id : rules.ids()) {
            try {
                Map<String, Object> status = rules.status(id);
                boolean running = "running".equals(status.get("status"));
                int v = running ? 1 : rules.wanted(id) ? -1 : 0;
                samples.add(new RuleSample(id, v, status));
            } catch (ServiceException e) {
                // deleted meanwhile
            }
        }
        return format(samples);
    }

    /** The text exposition of these samples. */
    public static String format(List<RuleSample> samples) {
        StringBuilder out = new StringBuilder();
        for (String prefix : List.of("kuiper", "oort")) {
            for (String opType : OP_TYPES) {
                for (Family f : FAMILIES) {
                    if (f.connectorsOnly && opType.equals("op")) {
                        continue;
                    }
                    String name = prefix + "_" + opType + "_" + f.suffix;
                    List<String> lines = new ArrayList<>();
                    for (RuleSample r : samples) {
                        for (Map.Entry<String, Object> e : r.metrics().entrySet()) {
                            String key = e.getKey();
                            if (!key.startsWith(opType + "_") || !key.endsWith("_" + f.suffix)
                                    || !(e.getValue() instanceof Number n)) {
                                continue;
                            }
                            String middle = key.substring(opType.length() + 1, key.length() - f.suffix.length() - 1);
                            int us = middle.lastIndexOf('_');
                            if (us <= 0) {
                                continue;
                            }
                            Map<String, String> labels = new LinkedHashMap<>();
                            labels.put("rule", r.id());
                            labels.put("type", opType);
                            labels.put("op", middle.substring(0, us));
                            labels.put("op_instance", middle.substring(us + 1));
                            lines.add(name + labels(labels) + " " + number(n));
                        }
                    }
                    family(out, name, f.type, f.help + " of " + prefix + "_" + opType, lines);
                }
            }
            List<String> status = new ArrayList<>();
            int running = 0;
            for (RuleSample r : samples) {
                status.add(prefix + "_rule_status" + labels(Map.of("rule", r.id())) + " " + r.status());
                running += r.status() == 1 ? 1 : 0;
            }
            family(out, prefix + "_rule_status", "gauge", "gauge of rule status (1 running, 0 stopped, -1 error)",
                    status);
            family(out, prefix + "_rule_count", "gauge", "gauge of rule status count", List.of(
                    prefix + "_rule_count{status=\"running\"} " + running,
                    prefix + "_rule_count{status=\"stop\"} " + (samples.size() - running)));
        }
        return out.toString();
    }

    private static void family(StringBuilder out, String name, String type, String help, List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
        for (String l : lines) {
            out.append(l).append('\n');
        }
    }

    private static String labels(Map<String, String> labels) {
        StringBuilder sb = new StringBuilder("{");
        for (Map.Entry<String, String> e : labels.entrySet()) {
            if (sb.length() > 1) {
                sb.append(',');
            }
            sb.append(e.getKey()).append("=\"").append(escape(e.getValue())).append('"');
        }
        return sb.append('}').toString();
    }

    /** Label values escape backslash, double quote and line feed. */
    static String escape(String v) {
        return v.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    private static String number(Number n) {
        if (n instanceof Double || n instanceof Float) {
            double d = n.doubleValue();
            return d == Math.rint(d) && !Double.isInfinite(d) ? String.valueOf((long) d) : String.valueOf(d);
        }
        return String.valueOf(n.longValue());
    }
}
