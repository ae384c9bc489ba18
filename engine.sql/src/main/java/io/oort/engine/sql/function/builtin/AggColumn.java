package io.oort.engine.sql.function.builtin;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The values one argument of an aggregate took over a group, stored compactly while they are all the same value
 * (the usual case for constant arguments such as a percentile's fraction): only the first value and a count are kept
 * until a different value arrives.
 */
final class AggColumn {

    private Object first;
    private int size;
    private ArrayList<Object> values; // null while every value equals first

    void add(Object v) {
        if (values == null) {
            if (size == 0) {
                first = v;
                size = 1;
                return;
            }
            if (Objects.equals(first, v)) {
                size++;
                return;
            }
            values = new ArrayList<>(size + 8);
            for (int i = 0; i < size; i++) {
                values.add(first);
            }
        }
        values.add(v);
        size++;
    }

    int size() {
        return size;
    }

    /** The first non-null value, or null (eKuiper's getFirstValidArg). */
    Object firstNonNull() {
        if (values == null) {
            return first;
        }
        for (Object v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    /** All values in arrival order (a copy). */
    List<Object> toList() {
        if (values == null) {
            return new ArrayList<>(Collections.nCopies(size, first));
        }
        return new ArrayList<>(values);
    }
}
