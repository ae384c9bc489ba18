package io.oort.engine.sql.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.oort.engine.sql.value.EvalException;

/** Constants, column reads, metadata and wildcards. */
final class Leaves {

    private Leaves() {
    }

    static final class Const extends Evaluator {
        final Object value;

        Const(Object value) {
            this.value = value;
        }

        @Override
        public Object eval(EvalContext c) {
            return value;
        }

        @Override
        public boolean isConstant() {
            return true;
        }
    }

    /** A declared column of the only source: the fast path. */
    static final class Slot0 extends Evaluator {
        final int slot;

        Slot0(int slot) {
            this.slot = slot;
        }

        @Override
        public Object eval(EvalContext c) {
            Tuple t = c.row[0];
            return t == null ? null : t.values[slot];
        }
    }

    /** A column of a given source, by slot when declared, else by name. */
    static final class Column extends Evaluator {
        final int source;
        final int slot;
        final String name;

        Column(int source, int slot, String name) {
            this.source = source;
            this.slot = slot;
            this.name = name;
        }

        @Override
        public Object eval(EvalContext c) {
            Tuple t = source < c.row.length ? c.row[source] : null;
            return t == null ? null : t.get(slot, name);
        }
    }

    /** An unqualified column of a multi-source schemaless row: the first source that has it. */
    static final class AnyColumn extends Evaluator {
        final String name;

        AnyColumn(String name) {
            this.name = name;
        }

        @Override
        public Object eval(EvalContext c) {
            for (Tuple t : c.row) {
                if (t != null && t.has(name)) {
                    return t.get(-1, name);
                }
            }
            return null;
        }
    }

    /** meta(key) / meta(stream.key). */
    static final class Meta extends Evaluator {
        final int source;
        final String key;

        Meta(int source, String key) {
            this.source = source;
            this.key = key;
        }

        @Override
        public Object eval(EvalContext c) {
            if (source >= 0) {
                Tuple t = source < c.row.length ? c.row[source] : null;
                return t == null ? null : t.meta.get(key);
            }
            return c.meta(key);
        }
    }

    /** meta(*): all metadata of the row. */
    static final class MetaAll extends Evaluator {
        @Override
        public Object eval(EvalContext c) {
            return c.metaAll();
        }
    }

    /** {@code *} (optionally EXCEPT/REPLACE) or {@code stream.*} as a value: the row's columns as a map. */
    static final class Wildcard extends Evaluator {
        final int source; // -1 for all sources
        final List<String> except;
        final List<String> replaceNames;
        final List<Evaluator> replaceValues;

        Wildcard(int source, List<String> except, List<String> replaceNames, List<Evaluator> replaceValues) {
            this.source = source;
            this.except = except;
            this.replaceNames = replaceNames;
            this.replaceValues = replaceValues;
        }

        @Override
        public Object eval(EvalContext c) {
            Map<String, Object> m = new LinkedHashMap<>();
            if (source >= 0) {
                Tuple t = source < c.row.length ? c.row[source] : null;
                if (t != null) {
                    t.mergeInto(m);
                }
            } else {
                for (Tuple t : c.row) {
                    if (t != null) {
                        t.mergeInto(m);
                    }
                }
            }
            for (String e : except) {
                m.remove(e);
            }
            for (int i = 0; i < replaceNames.size(); i++) {
                m.put(replaceNames.get(i), replaceValues.get(i).eval(c));
            }
            return m;
        }
    }

    /** Aggregate result of the current group. */
    static final class AggRef extends Evaluator {
        final int slot;

        AggRef(int slot) {
            this.slot = slot;
        }

        @Override
        public Object eval(EvalContext c) {
            if (c.aggregates == null) {
                throw new EvalException("aggregate function called outside of a group");
            }
            return c.aggregates[slot];
        }
    }

    /** Analytic result of the current row (computed once per row before everything else). */
    static final class AnalyticRef extends Evaluator {
        final int slot;

        AnalyticRef(int slot) {
            this.slot = slot;
        }

        @Override
        public Object eval(EvalContext c) {
            return c.analytics == null ? null : c.analytics[slot];
        }
    }

    /** window_start(), window_end(), event_time(), row_number(). */
    static final class WindowValue extends Evaluator {
        enum Kind { START, END, EVENT_TIME, ROW_NUMBER }

        final Kind kind;

        WindowValue(Kind kind) {
            this.kind = kind;
        }

        @Override
        public Object eval(EvalContext c) {
            return switch (kind) {
                case START -> c.windowStart == Long.MIN_VALUE ? null : c.windowStart;
                case END -> c.windowEnd == Long.MIN_VALUE ? null : c.windowEnd;
                case EVENT_TIME -> c.eventTime;
                case ROW_NUMBER -> c.rowNumber;
            };
        }
    }

    /** A list built from element evaluators (IN value lists). */
    static List<Object> evalAll(List<Evaluator> es, EvalContext c) {
        List<Object> out = new ArrayList<>(es.size());
        for (Evaluator e : es) {
            out.add(e.eval(c));
        }
        return out;
    }
}
