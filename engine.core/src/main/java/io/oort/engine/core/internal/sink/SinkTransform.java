package io.oort.engine.core.internal.sink;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.oort.engine.core.internal.template.GoData;
import io.oort.engine.core.internal.template.Template;
import io.oort.engine.core.internal.template.TemplateException;

/**
 * eKuiper's sink transform ({@code internal/topo/node/transform_op.go}, {@code internal/topo/transform/template.go}):
 * a result (the rows of one event or window) becomes one item, or one item per row with {@code sendSingle}
 * (empty rows skipped with {@code omitIfEmpty}); each item then goes through {@code dataTemplate} →
 * {@code dataField} → {@code fields}/{@code excludeFields}, and the templated properties are evaluated over the
 * item's data (before the transform, as eKuiper does).
 *
 * <p>Semantics kept from eKuiper: a template's output is sent as is when no dataField/fields/excludeFields follow
 * and the format is textual (json, delimited); otherwise it must be JSON (Go's {@code json.Unmarshal}, numbers
 * become float64). {@code dataField} on a list takes the field of the <em>first</em> element; {@code fields} keeps
 * every listed field (null when missing); the result must be an object or a list of objects, anything else is an
 * error and nothing is sent.
 */
final class SinkTransform {

    /** A transformed item, not yet encoded. */
    record Item(Object value, Object data, Map<String, String> props) {
        /** A data template's raw output, sent as the payload. */
        boolean raw() {
            return value instanceof byte[];
        }
    }

    /** A transform error: the item is dropped and the error counted, as eKuiper's transform op does. */
    static final class TransformException extends Exception {
        private static final long serialVersionUID = 1L;

        TransformException(String message) {
            super(message, null, false, false);
        }
    }

    /** Returned by {@link #apply} per item: either an item or the error that replaced it. */
    record Result(Item item, String error) {
    }

    private static final Object NOTHING = new Object();

    private final boolean sendSingle;
    private final boolean omitIfEmpty;
    private final boolean textFormat;
    private final Template template;
    private final String dataField;
    private final List<String> fields;
    private final List<String> excludeFields;
    private final Map<String, Template> dynamic;

    SinkTransform(SinkProps p, Map<String, Template> dynamic) throws TemplateException {
        this.sendSingle = p.sendSingle;
        this.omitIfEmpty = p.omitIfEmpty;
        this.textFormat = p.textFormat();
        this.template = p.dataTemplate == null ? null : Template.parse("sink", p.dataTemplate);
        this.dataField = p.dataField;
        this.fields = p.fields;
        this.excludeFields = p.excludeFields;
        this.dynamic = dynamic;
    }

    /** The items for one result; empty when nothing is to be sent. */
    List<Result> apply(List<Map<String, Object>> rows) {
        if (omitIfEmpty && rows.isEmpty()) {
            return List.of();
        }
        List<Result> out = new ArrayList<>(sendSingle ? rows.size() : 1);
        if (sendSingle) {
            for (Map<String, Object> row : rows) {
                if (omitIfEmpty && row.isEmpty()) {
                    continue;
                }
                out.add(one(row));
            }
        } else {
            out.add(one(rows));
        }
        return out;
    }

    /** Transforms one item's data (a row, or the rows of a result). */
    Result one(Object data) {
        try {
            Map<String, String> props = props(data);
            return new Result(new Item(transform(data), data, props), null);
        } catch (TransformException e) {
            return new Result(null, e.getMessage());
        }
    }

    private Map<String, String> props(Object data) throws TransformException {
        if (dynamic.isEmpty()) {
            return Map.of();
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, Template> e : dynamic.entrySet()) {
            try {
                out.put(e.getKey(), e.getValue().execute(data));
            } catch (TemplateException ex) {
                throw new TransformException("fail to calculate props " + e.getValue().text() + " through data "
                        + GoData.sprint(data) + " with dataTemplate for error " + ex.getMessage());
            }
        }
        return out;
    }

    private Object transform(Object data) throws TransformException {
        String text = null;
        if (template != null) {
            try {
                text = template.execute(data);
            } catch (TemplateException e) {
                throw new TransformException("fail to encode data " + GoData.sprint(data)
                        + " with dataTemplate for error " + e.getMessage());
            }
        }
        boolean selecting = dataField != null || fields != null || excludeFields != null;
        Object selected = NOTHING;
        if (selecting) {
            Object input = data;
            if (text != null) {
                try {
                    input = GoData.parseJson(text);
                } catch (TemplateException e) {
                    throw new TransformException("fail to TransItem data " + GoData.sprint(data)
                            + " for error fail to decode data " + text + " for error " + e.getMessage());
                }
            }
            selected = select(input, data);
        }
        Object value;
        if (selected == NOTHING) { // nothing selected: the template's output or the data itself
            if (text == null) {
                value = selecting ? null : data; // dataField over an empty list selects nil
            } else if (textFormat) {
                return text.getBytes(StandardCharsets.UTF_8);
            } else {
                try {
                    value = GoData.parseJson(text);
                } catch (TemplateException e) {
                    throw new TransformException("fail to decode data " + text
                            + " after applying dataTemplate for error " + e.getMessage());
                }
            }
        } else {
            value = selected;
        }
        if (value == null) {
            throw new TransformException("receive unsupported data <nil>");
        }
        if (value instanceof Map<?, ?>) {
            return value;
        }
        if (value instanceof List<?> l && allMaps(l)) {
            return value;
        }
        throw new TransformException("invalid transform result type " + GoData.sprint(value));
    }

    /** eKuiper's TransItem after the template: dataField, then fields or excludeFields. */
    @SuppressWarnings("unchecked")
    private Object select(Object input, Object data) throws TransformException {
        if (dataField != null) {
            if (input instanceof Map<?, ?> m) {
                input = m.get(dataField);
            } else if (input instanceof List<?> l) {
                if (l.isEmpty()) {
                    return NOTHING;
                }
                if (!(l.get(0) instanceof Map<?, ?> first)) {
                    throw new TransformException("fail to TransItem data " + GoData.sprint(data)
                            + " for error fail to decode data " + GoData.sprint(input));
                }
                input = first.get(dataField);
            } else {
                throw new TransformException("fail to TransItem data " + GoData.sprint(data)
                        + " for error fail to decode data " + GoData.sprint(input));
            }
        }
        if (input instanceof List<?> l) {
            List<Map<String, Object>> copy = new ArrayList<>(l.size());
            for (Object o : l) {
                if (!(o instanceof Map<?, ?> m)) {
                    throw new TransformException("fail to TransItem data " + GoData.sprint(data)
                            + " for error unsupported type " + GoData.sprint(input));
                }
                copy.add((Map<String, Object>) m);
            }
            input = copy;
        }
        if (fields == null && excludeFields == null) {
            return input;
        }
        if (input instanceof Map<?, ?> m) {
            return selectRow((Map<String, Object>) m);
        }
        if (input instanceof List<?> l) {
            List<Map<String, Object>> out = new ArrayList<>(l.size());
            for (Object o : l) {
                out.add(selectRow((Map<String, Object>) o));
            }
            return out;
        }
        throw new TransformException("fail to TransItem data " + GoData.sprint(data) + " for error fail to decode data "
                + GoData.sprint(input) + " for error unsupported type " + GoData.sprint(input));
    }

    private Map<String, Object> selectRow(Map<String, Object> row) {
        Map<String, Object> out;
        if (fields != null) {
            out = new LinkedHashMap<>();
            for (String f : fields) {
                out.put(f, row.get(f));
            }
        } else {
            out = new LinkedHashMap<>(row);
            excludeFields.forEach(out::remove);
        }
        return out;
    }

    private static boolean allMaps(List<?> l) {
        for (Object o : l) {
            if (!(o instanceof Map<?, ?>)) {
                return false;
            }
        }
        return true;
    }
}
