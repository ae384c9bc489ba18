package io.oort.engine.core.internal.format;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import io.oort.engine.sql.ast.StreamField;
import io.oort.engine.sql.ast.StreamStatement;
import io.oort.engine.sql.eval.Tuple;
import io.oort.engine.sql.value.Cast;
import io.oort.engine.sql.value.EvalException;
import io.oort.engine.sql.value.GoFormat;
import io.oort.engine.sql.value.Strictness;

/**
 * JSON payloads, decoded as eKuiper's converter does: with a schema only the declared fields are parsed (straight
 * into their slots) and converted to their declared types (a JSON integer into a FLOAT column is a float; a
 * non-integer into a BIGINT column is an error; numbers into STRING columns are their %v text; "true"/1 into
 * BOOLEAN columns are booleans); without a schema every number is a float. A top-level array gives one tuple per
 * element.
 */
public final class JsonDecoder implements Decoder {

    /** Field names interned (Jackson's default), so declared names match by identity; fast double parsing. */
    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(com.fasterxml.jackson.core.StreamReadFeature.USE_FAST_DOUBLE_PARSER)
            .enable(JsonFactory.Feature.INTERN_FIELD_NAMES).build();

    private final String emitter;
    private final String[] names;
    private final Map<String, Integer> slots;
    private final FieldSchema[] types;
    private final Map<String, FieldSchema> schema;
    /** The fast path for plain objects of declared scalar columns (null without a schema). */
    private final FastJsonObject fast;
    private final boolean markMissing;

    public JsonDecoder(StreamStatement stream) {
        this(stream, true, false);
    }

    /**
     * @param fastPath    whether plain objects take the byte-level fast path (tests compare both)
     * @param markMissing whether declared fields absent from the payload get {@link StrictSchema#MISSING}
     */
    JsonDecoder(StreamStatement stream, boolean fastPath, boolean markMissing) {
        this.emitter = stream.name();
        this.markMissing = markMissing;
        if (stream.schemaless()) {
            names = null;
            slots = null;
            types = null;
            schema = null;
        } else {
            List<StreamField> fields = stream.fields();
            names = new String[fields.size()];
            types = new FieldSchema[fields.size()];
            slots = new HashMap<>();
            for (int i = 0; i < names.length; i++) {
                names[i] = fields.get(i).name().intern();
                types[i] = FieldSchema.of(fields.get(i).type());
                slots.put(names[i], i);
            }
            schema = FieldSchema.of(fields);
        }
        fast = names == null || !fastPath || markMissing ? null : new FastJsonObject(names, types);
    }

    @Override
    public void decode(byte[] payload, Map<String, Object> meta, long timestamp, Consumer<Tuple> out)
            throws DecodeException {
        if (fast != null) {
            Object[] values = fast.decode(payload);
            if (values != null) {
                out.accept(Tuple.ofValues(emitter, names, values, meta, timestamp));
                return;
            }
        }
        try (JsonParser p = JSON.createParser(payload)) {
            JsonToken t = p.nextToken();
            if (t == JsonToken.START_OBJECT) {
                Tuple tuple = object(p, meta, timestamp);
                expectEnd(p);
                out.accept(tuple);
            } else if (t == JsonToken.START_ARRAY) {
                List<Tuple> tuples = new ArrayList<>();
                while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                    if (t != JsonToken.START_OBJECT) {
                        throw new DecodeException("only map[string]interface{} and []map[string]interface{} is supported");
                    }
                    tuples.add(object(p, meta, timestamp));
                }
                expectEnd(p);
                tuples.forEach(out);
            } else {
                throw new DecodeException("only map[string]interface{} and []map[string]interface{} is supported");
            }
        } catch (IOException e) {
            throw new DecodeException("invalid JSON: " + e.getMessage().split("\n")[0]);
        } catch (EvalException e) {
            throw new DecodeException(e.getMessage());
        }
    }

    private static void expectEnd(JsonParser p) throws IOException, DecodeException {
        if (p.nextToken() != null) {
            throw new DecodeException("invalid JSON: unexpected data after the top-level value");
        }
    }

    private Tuple object(JsonParser p, Map<String, Object> meta, long timestamp) throws IOException, DecodeException {
        if (names == null) {
            return Tuple.ofMap(emitter, schemalessObject(p), meta, timestamp);
        }
        Object[] values = new Object[names.length];
        if (markMissing) {
            java.util.Arrays.fill(values, StrictSchema.MISSING);
        }
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            int slot = slotOf(key);
            JsonToken vt = p.nextToken();
            if (slot < 0) {
                p.skipChildren();
                continue;
            }
            values[slot] = typed(p, vt, key, types[slot]);
        }
        if (t != JsonToken.END_OBJECT) {
            throw new DecodeException("invalid JSON object");
        }
        return Tuple.ofValues(emitter, names, values, meta, timestamp);
    }

    /** The declared slot of a field name, or -1: identity first (interned names), then the map. */
    private int slotOf(String key) {
        String[] n = names;
        if (n.length <= 16) {
            for (int i = 0; i < n.length; i++) {
                if (n[i] == key) {
                    return i;
                }
            }
        }
        Integer slot = slots.get(key);
        return slot == null ? -1 : slot;
    }

    private Map<String, Object> schemalessObject(JsonParser p) throws IOException, DecodeException {
        Map<String, Object> m = new LinkedHashMap<>();
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            m.put(key, untyped(p, p.nextToken()));
        }
        if (t != JsonToken.END_OBJECT) {
            throw new DecodeException("invalid JSON object");
        }
        return m;
    }

    /** A value with no schema: numbers are floats, as Go's JSON decoding into interface{}. */
    static Object untyped(JsonParser p, JsonToken t) throws IOException, DecodeException {
        switch (t) {
            case START_OBJECT: {
                Map<String, Object> m = new LinkedHashMap<>();
                JsonToken k;
                while ((k = p.nextToken()) == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    m.put(key, untyped(p, p.nextToken()));
                }
                return m;
            }
            case START_ARRAY: {
                List<Object> l = new ArrayList<>();
                JsonToken e;
                while ((e = p.nextToken()) != JsonToken.END_ARRAY) {
                    l.add(untyped(p, e));
                }
                return l;
            }
            case VALUE_STRING:
                return p.getText();
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return p.getDoubleValue();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            default:
                throw new DecodeException("invalid JSON value " + t);
        }
    }

    private Object typed(JsonParser p, JsonToken t, String name, FieldSchema f) throws IOException, DecodeException {
        switch (t) {
            case VALUE_NULL:
                return null;
            case START_OBJECT: {
                if (f != null && !"struct".equals(f.type)) {
                    throw wrongType(name, "object", f);
                }
                Map<String, FieldSchema> props = f == null ? null : f.properties;
                Map<String, Object> m = new LinkedHashMap<>();
                JsonToken k;
                while ((k = p.nextToken()) == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    JsonToken vt = p.nextToken();
                    if (props != null && !props.containsKey(key)) {
                        p.skipChildren();
                        continue;
                    }
                    Object v = props == null ? untyped(p, vt) : typed(p, vt, key, props.get(key));
                    m.put(key, v);
                }
                return m;
            }
            case START_ARRAY: {
                if (f != null && !"array".equals(f.type)) {
                    throw wrongType(name, "array", f);
                }
                FieldSchema items = f == null ? null : f.items;
                List<Object> l = new ArrayList<>();
                JsonToken e;
                while ((e = p.nextToken()) != JsonToken.END_ARRAY) {
                    l.add(items == null ? untyped(p, e) : typed(p, e, "array", items));
                }
                return l;
            }
            case VALUE_STRING: {
                String s = p.getText();
                if (f == null) {
                    return s;
                }
                switch (f.type) {
                    case "string", "datetime":
                        return s;
                    case "bytea":
                        return Cast.toByteA(s, Strictness.CONVERT_ALL);
                    case "boolean":
                        return Cast.toBool(s, Strictness.CONVERT_ALL);
                    default:
                        throw wrongType(name, "string", f);
                }
            }
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT: {
                if (f == null) {
                    return p.getDoubleValue();
                }
                switch (f.type) {
                    case "float", "datetime":
                        return p.getDoubleValue();
                    case "bigint":
                        if (t != JsonToken.VALUE_NUMBER_INT) {
                            throw new DecodeException("cannot parse int64 from \"" + p.getText() + "\" for " + name);
                        }
                        try {
                            return p.getLongValue();
                        } catch (IOException e) {
                            throw new DecodeException("number \"" + p.getText() + "\" does not fit into int64 for " + name);
                        }
                    case "string":
                        return GoFormat.v(p.getDoubleValue());
                    case "boolean":
                        return p.getDoubleValue() != 0;
                    default:
                        throw wrongType(name, "number", f);
                }
            }
            case VALUE_TRUE:
            case VALUE_FALSE: {
                if (f == null || "boolean".equals(f.type)) {
                    return t == JsonToken.VALUE_TRUE;
                }
                throw wrongType(name, t == JsonToken.VALUE_TRUE ? "true" : "false", f);
            }
            default:
                throw new DecodeException("invalid JSON value " + t);
        }
    }

    private static DecodeException wrongType(String name, String jsonType, FieldSchema f) {
        return new DecodeException(name + " has wrong type:" + jsonType + ", expect:" + (f == null ? "null" : f.type));
    }

    @Override
    public void decodeMap(Map<String, Object> value, Map<String, Object> meta, long timestamp, Consumer<Tuple> out)
            throws DecodeException {
        try {
            out.accept(MapCoercion.toTuple(emitter, names, types, schema, value, meta, timestamp, markMissing));
        } catch (EvalException e) {
            throw new DecodeException(e.getMessage());
        }
    }
}
