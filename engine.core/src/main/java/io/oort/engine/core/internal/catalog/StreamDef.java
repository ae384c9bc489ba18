package io.oort.engine.core.internal.catalog;

import io.oort.engine.sql.ast.StreamStatement;

/** A stream or table as defined: its name, kind, the CREATE statement text and its parsed form. */
public record StreamDef(String name, boolean table, String sql, StreamStatement statement) {

    /** "Stream" or "Table", as eKuiper's messages write it. */
    public String kindTitle() {
        return table ? "Table" : "Stream";
    }
}
