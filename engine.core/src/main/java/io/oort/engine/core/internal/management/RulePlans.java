package io.oort.engine.core.internal.management;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.oort.engine.core.internal.rule.RuleDef;
import io.oort.engine.core.internal.rule.RuleManager;
import io.oort.engine.core.internal.service.ServiceException;
import io.oort.engine.sql.analyzer.AnalyzedQuery;
import io.oort.engine.sql.analyzer.SourceInfo;
import io.oort.engine.sql.ast.Field;
import io.oort.engine.sql.ast.Join;
import io.oort.engine.sql.ast.SelectStatement;
import io.oort.engine.sql.ast.SortField;
import io.oort.engine.sql.ast.StreamField;

/**
 * A rule's shape for {@code /rules/{id}/topo} and {@code /rules/{id}/explain}. The topology uses the node names of
 * the rule's metrics (source_<stream>, op_1_project, sink_<type>_<index>): Oort runs a rule's whole query in one
 * operator. The explanation lists the logical steps of the query, one JSON object per step, children indented by
 * a tab, as eKuiper prints its plans (the step names follow eKuiper's; the details are Oort's).
 */
public final class RulePlans {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final String OP = "op_1_project";

    private final RuleManager rules;

    public RulePlans(RuleManager rules) {
        this.rules = rules;
    }

    /** {@code {"sources":[...],"edges":{node:[next...]}}}. */
    public Map<String, Object> topo(String id) throws ServiceException {
        RuleDef def = rules.definition(id);
        AnalyzedQuery q = rules.validate(def);
        List<String> sources = new ArrayList<>();
        Map<String, List<String>> edges = new LinkedHashMap<>();
        for (SourceInfo s : q.sources()) {
            if (!s.isLookupTable()) {
                String node = "source_" + s.name();
                sources.add(node);
                edges.put(node, List.of(OP));
            }
        }
        List<String> sinks = new ArrayList<>();
        int i = 0;
        for (RuleDef.Action a : def.actions()) {
            sinks.add("sink_" + a.type() + "_" + i++);
        }
        edges.put(OP, sinks);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sources", sources);
        m.put("edges", edges);
        return m;
    }

    /** The plan, one {@code {"op","info"}} JSON per line. */
    public String explain(String id) throws ServiceException {
        RuleDef def = rules.definition(id);
        AnalyzedQuery q = rules.validate(def);
        SelectStatement s = q.statement();
        List<String[]> chain = new ArrayList<>();
        chain.add(new String[] {"ProjectPlan", "Fields:[ " + join(fields(s)) + " ]"});
        if (s.limit() != null) {
            chain.add(new String[] {"LimitPlan", "Limit:" + s.limit()});
        }
        if (!s.orderBy().isEmpty()) {
            List<String> keys = new ArrayList<>();
            for (SortField f : s.orderBy()) {
                keys.add(f.toString());
            }
            chain.add(new String[] {"OrderPlan", "SortFields:[ " + join(keys) + " ]"});
        }
        if (s.having() != null) {
            chain.add(new String[] {"HavingPlan", "Condition:{ " + s.having() + " }"});
        }
        if (!s.groupBy().isEmpty() || (q.aggregateQuery() && !q.hasWindow())) {
            List<String> dims = new ArrayList<>();
            s.groupBy().forEach(e -> dims.add(e.toString()));
            chain.add(new String[] {"AggregatePlan", "Dimension:{ " + join(dims) + " }"});
        }
        if (s.where() != null) {
            chain.add(new String[] {"FilterPlan", "Condition:{ " + s.where() + " }"});
        }
        if (q.hasWindow()) {
            chain.add(new String[] {"WindowPlan", "{ " + s.window() + " }"});
        }
        if (!s.joins().isEmpty()) {
            List<String> joins = new ArrayList<>();
            for (Join j : s.joins()) {
                joins.add(j.toString());
            }
            chain.add(new String[] {"JoinPlan", "Joins:[ " + join(joins) + " ]"});
        }
        StringBuilder out = new StringBuilder();
        int level = 0;
        for (String[] step : chain) {
            line(out, level, step[0] + "_" + level, step[1]);
            level++;
        }
        int n = level;
        for (SourceInfo src : q.sources()) {
            String info = "StreamName: " + src.name();
            if (!src.stream().fields().isEmpty()) {
                List<String> cols = new ArrayList<>();
                for (StreamField f : src.stream().fields()) {
                    cols.add(f.name());
                }
                info += ", StreamFields:[ " + join(cols) + " ]";
            }
            line(out, level, (src.isLookupTable() ? "LookupPlan_" : "DataSourcePlan_") + n++, info);
        }
        return out.toString();
    }

    private static List<String> fields(SelectStatement s) {
        List<String> out = new ArrayList<>();
        for (Field f : s.fields()) {
            out.add(f.toString());
        }
        return out;
    }

    private static String join(List<String> parts) {
        return String.join(", ", parts);
    }

    private static void line(StringBuilder out, int level, String op, String info) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("op", op);
        m.put("info", info);
        try {
            out.append("\t".repeat(level)).append(JSON.writeValueAsString(m)).append('\n');
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
