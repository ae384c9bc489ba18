package io.oort.engine.core.internal.runtime;

import io.oort.engine.sql.eval.Tuple;

/**
 * A row inside a rule: one tuple per source (null for the unmatched side of an outer join) and the analytic
 * function results computed for it when it arrived.
 */
final class Row {

    final Tuple[] tuples;
    final Object[] analytics;
    final long timestamp;

    Row(Tuple[] tuples, Object[] analytics, long timestamp) {
        this.tuples = tuples;
        this.analytics = analytics;
        this.timestamp = timestamp;
    }

    static Row of(Tuple t, Object[] analytics) {
        return new Row(new Tuple[] {t}, analytics, t.timestamp);
    }

    Tuple first() {
        return tuples[0];
    }
}
