package io.oort.engine.sql.ast;

import java.util.List;

/** A column type of a stream schema: a basic type, ARRAY(type) or STRUCT(fields). */
public sealed interface DataType permits DataType.Basic, DataType.Array, DataType.Struct {

    /** eKuiper's basic types. */
    enum Kind { BIGINT, FLOAT, STRING, BYTEA, DATETIME, BOOLEAN, ARRAY, STRUCT }

    Kind kind();

    /** The JSON-schema-like description eKuiper shows at {@code /streams/{name}/schema}. */
    Object schemaJson();

    /** A basic type. */
    record Basic(Kind kind) implements DataType {
        @Override
        public Object schemaJson() {
            return java.util.Map.of("type", kind.name().toLowerCase());
        }

        @Override
        public String toString() {
            return kind.name().toLowerCase();
        }
    }

    /** ARRAY(element). */
    record Array(DataType element) implements DataType {
        @Override
        public Kind kind() {
            return Kind.ARRAY;
        }

        @Override
        public Object schemaJson() {
            java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
            m.put("type", "array");
            m.put("items", element.schemaJson());
            return m;
        }

        @Override
        public String toString() {
            return "array(" + element + ")";
        }
    }

    /** STRUCT(name type, ...). */
    record Struct(List<StreamField> fields) implements DataType {
        @Override
        public Kind kind() {
            return Kind.STRUCT;
        }

        @Override
        public Object schemaJson() {
            java.util.Map<String, Object> props = new java.util.LinkedHashMap<>();
            for (StreamField f : fields) {
                props.put(f.name(), f.type().schemaJson());
            }
            java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
            m.put("type", "struct");
            m.put("properties", props);
            return m;
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder("struct(");
            for (int i = 0; i < fields.size(); i++) {
                sb.append(i > 0 ? ", " : "").append(fields.get(i).name()).append(' ').append(fields.get(i).type());
            }
            return sb.append(')').toString();
        }
    }
}
