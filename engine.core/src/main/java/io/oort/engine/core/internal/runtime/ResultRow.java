package io.oort.engine.core.internal.runtime;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * A result row with a fixed column list: names shared by every row of the rule, values in an array. Null values
 * are not entries (eKuiper leaves nil fields out of results). Read-only.
 */
public final class ResultRow extends AbstractMap<String, Object> {

    private final String[] names;
    private final Object[] values;

    public ResultRow(String[] names, Object[] values) {
        this.names = names;
        this.values = values;
    }

    @Override
    public Object get(Object key) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(key)) {
                return values[i];
            }
        }
        return null;
    }

    @Override
    public boolean containsKey(Object key) {
        return get(key) != null;
    }

    @Override
    public int size() {
        int n = 0;
        for (Object v : values) {
            if (v != null) {
                n++;
            }
        }
        return n;
    }

    /** The value at a column position (null when absent). */
    public Object valueAt(int i) {
        return values[i];
    }

    public String nameAt(int i) {
        return names[i];
    }

    public int width() {
        return names.length;
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, Object>> iterator() {
                return new Iterator<>() {
                    private int i = advance(0);

                    private int advance(int from) {
                        int j = from;
                        while (j < values.length && values[j] == null) {
                            j++;
                        }
                        return j;
                    }

                    @Override
                    public boolean hasNext() {
                        return i < values.length;
                    }

                    @Override
                    public Entry<String, Object> next() {
                        if (i >= values.length) {
                            throw new NoSuchElementException();
                        }
                        Entry<String, Object> e = new SimpleImmutableEntry<>(names[i], values[i]);
                        i = advance(i + 1);
                        return e;
                    }
                };
            }

            @Override
            public int size() {
                return ResultRow.this.size();
            }
        };
    }
}
