package io.oort.engine.core.internal.sink;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.oort.engine.core.internal.format.Encoder;
import io.oort.engine.core.internal.format.GoJson;
import io.oort.engine.core.internal.template.Template;
import io.oort.engine.core.internal.template.TemplateException;

/**
 * eKuiper's sink transform: a result (the rows of one event or window) becomes one message, or one message per
 * row with {@code sendSingle}; then {@code dataTemplate}, {@code dataField}, {@code fields}/{@code excludeFields}
 * in that order, then the format encoder.
 */
final class SinkTransform {

    /** One outgoing message before delivery: its payload, the rows it carries and the data templates see. */
    record Out(byte[] payload, List<Map<String, Object>> rows, Object data) {
    }

    private final boolean sendSingle;
    private final boolean omitIfEmpty;
    private final Template template;
    private final String dataField;
    private final List<String> fields;
    private final List<String> excludeFields;
    private final Encoder encoder;

    SinkTransform(SinkProps p, Encoder encoder) throws TemplateException {
        this.sendSingle = p.sendSingle;
        this.omitIfEmpty = p.omitIfEmpty;
        this.template = p.dataTemplate == null || p.dataTemplate.isEmpty() ? null
                : Template.parse("sink", p.dataTemplate);
        this.dataField = p.dataField;
        this.fields = p.fields;
        this.excludeFields = p.excludeFields;
        this.encoder = encoder;
    }

    /** The messages for one result; empty when nothing is to be sent (omitIfEmpty). */
    List<Out> apply(List<Map<String, Object>> rows) throws TemplateException {
        List<Out> out = new ArrayList<>();
        if (omitIfEmpty && rows.isEmpty()) {
            return out;
        }
        if (sendSingle) {
            for (Map<String, Object> row : rows) {
                if (omitIfEmpty && row.isEmpty()) {
                    continue;
                }
                out.add(one(row, List.of(row)));
            }
        } else {
            out.add(one(rows, rows));
        }
        return out;
    }

    private Out one(Object data, List<Map<String, Object>> rows) throws TemplateException {
        Object value = data;
        if (template != null) {
            String text = template.execute(data);
            if (dataField == null && fields == null && excludeFields == null) {
                return new Out(text.getBytes(StandardCharsets.UTF_8), rows, data);
            }
            value = JsonValues.parse(text);
        }
        if (dataField != null && !dataField.isEmpty()) {
            value = pick(value, dataField);
        }
        if (fields != null || excludeFields != null) {
            value = selectFields(value);
        }
        byte[] payload;
        if (value instanceof List<?> l && value == data) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> rs = (List<Map<String, Object>>) l;
            payload = encoder.encodeRows(rs);
        } else if (value instanceof Map<?, ?> m && value == data) {
            @SuppressWarnings("unchecked")
            Map<String, Object> r = (Map<String, Object>) m;
            payload = encoder.encodeRow(r);
        } else {
            payload = encoder.encodeValue(value);
        }
        return new Out(payload, rows, data);
    }

    @SuppressWarnings("unchecked")
    private static Object pick(Object value, String field) {
        if (value instanceof Map<?, ?> m) {
            return m.get(field);
        }
        if (value instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            for (Object o : l) {
                out.add(o instanceof Map<?, ?> m ? ((Map<String, Object>) m).get(field) : null);
            }
            return out;
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    private Object selectFields(Object value) {
        if (value instanceof Map<?, ?> m) {
            return selectRow((Map<String, Object>) m);
        }
        if (value instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            for (Object o : l) {
                out.add(o instanceof Map<?, ?> m ? selectRow((Map<String, Object>) m) : o);
            }
            return out;
        }
        return value;
    }

    private Map<String, Object> selectRow(Map<String, Object> row) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (fields != null) {
            for (String f : fields) {
                if (row.get(f) != null) {
                    out.put(f, row.get(f));
                }
            }
        } else {
            out.putAll(row);
        }
        if (excludeFields != null) {
            excludeFields.forEach(out::remove);
        }
        return out;
    }

    /** JSON helpers for template output. */
    static final class JsonValues {
        private static final com.fasterxml.jackson.databind.ObjectMapper M =
                new com.fasterxml.jackson.databind.ObjectMapper();

        private JsonValues() {
        }

        static Object parse(String text) {
            try {
                return M.readValue(text, Object.class);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                return text;
            }
        }

        static String write(Object v) {
            return GoJson.string(v);
        }
    }
}
