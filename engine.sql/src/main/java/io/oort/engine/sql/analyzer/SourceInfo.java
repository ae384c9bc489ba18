package io.oort.engine.sql.analyzer;

import io.oort.engine.sql.ast.SourceRef;
import io.oort.engine.sql.ast.StreamField;
import io.oort.engine.sql.ast.StreamStatement;

/** A FROM/JOIN source of a query: its position (the source index of bindings), reference and definition. */
public final class SourceInfo {

    private final int index;
    private final SourceRef ref;
    private final StreamStatement stream;
    private final String[] columns;

    public SourceInfo(int index, SourceRef ref, StreamStatement stream) {
        this.index = index;
        this.ref = ref;
        this.stream = stream;
        if (stream.schemaless()) {
            this.columns = null;
        } else {
            this.columns = new String[stream.fields().size()];
            int i = 0;
            for (StreamField f : stream.fields()) {
                columns[i++] = f.name();
            }
        }
    }

    public int index() {
        return index;
    }

    public SourceRef ref() {
        return ref;
    }

    public StreamStatement stream() {
        return stream;
    }

    /** The stream or table name. */
    public String name() {
        return stream.name();
    }

    /** The name SQL qualifies this source's columns with: its alias, else its name. */
    public String qualifier() {
        return ref.qualifier();
    }

    public boolean matches(String qualifier) {
        return qualifier.equals(ref.name()) || qualifier.equals(ref.alias());
    }

    public boolean schemaless() {
        return columns == null;
    }

    /** Declared column names in schema order (the tuple slots), or null when schemaless. */
    public String[] columns() {
        return columns;
    }

    public boolean isTable() {
        return stream.table();
    }

    public boolean isLookupTable() {
        return stream.lookupTable();
    }

    /** Slot of a declared column (exact name), or -1. */
    public int slot(String column) {
        if (columns != null) {
            for (int i = 0; i < columns.length; i++) {
                if (columns[i].equals(column)) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** Slot of a declared column ignoring case, or -1. */
    public int slotIgnoreCase(String column) {
        if (columns != null) {
            for (int i = 0; i < columns.length; i++) {
                if (columns[i].equalsIgnoreCase(column)) {
                    return i;
                }
            }
        }
        return -1;
    }
}
