package io.oort.engine.sql.ast;

import java.util.List;

/** CREATE STREAM / CREATE TABLE. An empty field list means schemaless. */
public record StreamStatement(Pos pos, String name, boolean table, List<StreamField> fields, StreamOptions options)
        implements Statement {

    public boolean schemaless() {
        return fields.isEmpty();
    }

    public boolean lookupTable() {
        return table && "lookup".equals(options.kind());
    }

    /** The field declaration of {@code name}, or null. */
    public StreamField field(String fieldName) {
        for (StreamField f : fields) {
            if (f.name().equals(fieldName)) {
                return f;
            }
        }
        return null;
    }
}
