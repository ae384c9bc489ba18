package io.oort.engine.core.internal.format;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.oort.engine.sql.ast.DataType;
import io.oort.engine.sql.ast.StreamField;

/** A declared column type as the decoders use it: kind, array item schema, struct member schemas. */
final class FieldSchema {

    final String type; // eKuiper's JSON schema names: bigint float string datetime boolean bytea array struct
    final FieldSchema items;
    final Map<String, FieldSchema> properties;

    private FieldSchema(String type, FieldSchema items, Map<String, FieldSchema> properties) {
        this.type = type;
        this.items = items;
        this.properties = properties;
    }

    static FieldSchema of(DataType t) {
        if (t instanceof DataType.Array a) {
            return new FieldSchema("array", of(a.element()), null);
        }
        if (t instanceof DataType.Struct s) {
            return new FieldSchema("struct", null, of(s.fields()));
        }
        return new FieldSchema(t.kind().name().toLowerCase(), null, null);
    }

    static Map<String, FieldSchema> of(List<StreamField> fields) {
        Map<String, FieldSchema> m = new HashMap<>();
        for (StreamField f : fields) {
            m.put(f.name(), of(f.type()));
        }
        return m;
    }
}
