package io.oort.engine.core.internal.runtime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.oort.engine.sql.analyzer.AnalyzedQuery.FieldKind;
import io.oort.engine.sql.analyzer.AnalyzedQuery.OutputField;
import io.oort.engine.sql.eval.EvalContext;
import io.oort.engine.sql.value.EvalException;
import io.oort.engine.sql.value.GoFormat;

/**
 * Evaluates the select list for the row (or group) the context is positioned on. Plain select lists produce
 * {@link ResultRow}s sharing one name array; wildcards, multi-column and set-returning calls produce maps.
 */
final class Projection {

    private final OutputField[] fields;
    private final String[] names;
    private final int[] visible;
    private final boolean fixedShape;
    private final int srf;
    private final boolean keepNulls;
    private final boolean sendMeta;

    Projection(List<OutputField> fields) {
        this(fields, false, false);
    }

    /**
     * @param keepNulls rule option sendNilField: null values are entries (JSON null) instead of being left out
     * @param sendMeta  rule option sendMetaToSink: each row carries the event's metadata under {@code __meta}
     */
    Projection(List<OutputField> fields, boolean keepNulls, boolean sendMeta) {
        this.keepNulls = keepNulls;
        this.sendMeta = sendMeta;
        this.fields = fields.toArray(new OutputField[0]);
        boolean fixed = true;
        int s = -1;
        List<Integer> vis = new ArrayList<>();
        for (int i = 0; i < this.fields.length; i++) {
            OutputField f = this.fields[i];
            if (f.kind() != FieldKind.VALUE) {
                fixed = false;
            }
            if (f.kind() == FieldKind.SRF) {
                s = i;
            }
            if (!f.invisible()) {
                vis.add(i);
            }
        }
        this.fixedShape = fixed && !keepNulls && !sendMeta;
        this.srf = s;
        this.visible = vis.stream().mapToInt(Integer::intValue).toArray();
        this.names = new String[visible.length];
        for (int i = 0; i < visible.length; i++) {
            names[i] = this.fields[visible[i]].name();
        }
    }

    /** Projects the current row of {@code c} into a new list of its result row(s). */
    List<Map<String, Object>> projectOne(EvalContext c) {
        if (fixedShape) {
            Object[] values = new Object[visible.length];
            for (int i = 0; i < visible.length; i++) {
                values[i] = fields[visible[i]].value().eval(c);
            }
            return List.of(new ResultRow(names, values));
        }
        List<Map<String, Object>> out = new ArrayList<>(srf < 0 ? 1 : 4);
        project(c, out);
        return out;
    }

    /** Projects the current row of {@code c} and appends the result row(s) to {@code out}. */
    void project(EvalContext c, List<Map<String, Object>> out) {
        if (fixedShape) {
            Object[] values = new Object[visible.length];
            for (int i = 0; i < visible.length; i++) {
                values[i] = fields[visible[i]].value().eval(c);
            }
            out.add(new ResultRow(names, values));
            return;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        Object srfValue = null;
        for (int i = 0; i < fields.length; i++) {
            OutputField f = fields[i];
            Object v = f.value().eval(c);
            if (f.invisible()) {
                continue;
            }
            switch (f.kind()) {
                case VALUE -> put(m, f.name(), v);
                case EXPAND, COLS -> {
                    if (v instanceof Map<?, ?> mv) {
                        for (Map.Entry<?, ?> e : mv.entrySet()) {
                            put(m, String.valueOf(e.getKey()), e.getValue());
                        }
                        if (keepNulls && f.kind() == FieldKind.EXPAND) {
                            declaredNulls(c, m);
                        }
                    } else if (v != null) {
                        throw new EvalException("expected an object for " + f.name() + " but got " + GoFormat.typed(v));
                    }
                }
                case SRF -> srfValue = v;
            }
        }
        if (sendMeta && c.row.length > 0 && c.row[0] != null && c.row[0].meta != null
                && !c.row[0].meta.isEmpty()) {
            m.put("__meta", c.row[0].meta);
        }
        if (srf < 0) {
            out.add(m);
            return;
        }
        if (!(srfValue instanceof List<?> list)) {
            throw new EvalException("the argument for the " + fields[srf].name() + " function should be array");
        }
        for (Object element : list) {
            Map<String, Object> row = new LinkedHashMap<>(m);
            if (element instanceof Map<?, ?> em) {
                for (Map.Entry<?, ?> e : em.entrySet()) {
                    put(row, String.valueOf(e.getKey()), e.getValue());
                }
            } else {
                put(row, fields[srf].name(), element);
            }
            out.add(row);
        }
    }

    private void put(Map<String, Object> m, String k, Object v) {
        if (v == null && !keepNulls) {
            m.remove(k);
        } else {
            m.put(k, v);
        }
    }

    /** sendNilField with a wildcard: the declared columns the row has no value for, as nulls. */
    private static void declaredNulls(EvalContext c, Map<String, Object> m) {
        for (io.oort.engine.sql.eval.Tuple t : c.row) {
            if (t != null && t.names != null) {
                for (String n : t.names) {
                    m.putIfAbsent(n, null);
                }
            }
        }
    }
}
