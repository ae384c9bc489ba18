package io.oort.engine.core.internal.management;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.oort.engine.core.internal.catalog.StreamCatalog;
import io.oort.engine.core.internal.catalog.StreamDef;
import io.oort.engine.core.internal.rule.RuleManager;
import io.oort.engine.core.internal.service.ServiceException;
import io.oort.engine.sql.ast.CatalogStatement;
import io.oort.engine.sql.ast.DataType;
import io.oort.engine.sql.ast.Statement;
import io.oort.engine.sql.ast.StreamField;
import io.oort.engine.sql.ast.StreamStatement;
import io.oort.engine.sql.parser.ParseException;
import io.oort.engine.sql.parser.SqlParser;

/**
 * Stream and table statements as eKuiper runs them for {@code POST /streams} and its CLI: CREATE, DROP, SHOW,
 * DESCRIBE, with eKuiper's sentences and DESCRIBE layout; and the JSON shapes of describe and schema.
 */
public final class StreamStatements {

    private static final String RULER = "-".repeat(80);

    private final StreamCatalog catalog;
    private final RuleManager rules;

    public StreamStatements(StreamCatalog catalog, RuleManager rules) {
        this.catalog = catalog;
        this.rules = rules;
    }

    /** Runs one statement and answers eKuiper's text ("Stream demo is created.", a name list, a description). */
    public String execute(String sql) throws ServiceException {
        Statement s;
        try {
            s = SqlParser.parse(sql);
        } catch (ParseException e) {
            throw ServiceException.badRequest(ServiceException.STREAM, e.getMessage());
        }
        if (s instanceof StreamStatement) {
            StreamDef d = catalog.create(sql);
            return d.kindTitle() + " " + d.name() + " is created.";
        }
        if (!(s instanceof CatalogStatement c)) {
            throw ServiceException.badRequest(ServiceException.STREAM, "Invalid stream statement: " + sql);
        }
        String kind = c.table() ? "table" : "stream";
        switch (c.verb()) {
            case SHOW -> {
                List<String> names = names(c.table());
                return names.isEmpty() ? "No " + kind + " definitions are found." : String.join("\n", names);
            }
            case DESCRIBE, EXPLAIN -> {
                return describeText(catalog.get(c.name(), c.table()));
            }
            case DROP -> {
                return drop(c.name(), c.table());
            }
            default -> throw ServiceException.badRequest(ServiceException.STREAM, "Invalid stream statement: " + sql);
        }
    }

    /** Drops a stream or table that no rule reads. */
    public String drop(String name, boolean table) throws ServiceException {
        StreamDef d = catalog.drop(name, table, rules::usesStream);
        return d.kindTitle() + " " + d.name() + " is dropped.";
    }

    public List<String> names(boolean table) {
        List<String> out = new ArrayList<>();
        for (StreamDef d : catalog.list(table)) {
            out.add(d.name());
        }
        return out;
    }

    /** eKuiper's DESCRIBE text: the fields, a blank line, then the options that are set. */
    public static String describeText(StreamDef d) {
        StringBuilder sb = new StringBuilder("Fields\n").append(RULER).append('\n');
        for (StreamField f : d.statement().fields()) {
            sb.append(f.name()).append('\t').append(f.type());
            if (f.defaultValue() != null) {
                sb.append("\tDEFAULT\t").append(f.defaultValue());
            }
            sb.append('\n');
        }
        sb.append('\n');
        Map<String, String> o = d.statement().options().asMap();
        for (String k : List.of("CONF_KEY", "DATASOURCE", "FORMAT", "SCHEMAID", "KEY", "RETAIN_SIZE", "SHARED",
                "STRICT_VALIDATION", "TIMESTAMP", "TIMESTAMP_FORMAT", "TYPE", "EXTRA", "VERSION", "KIND",
                "DELIMITER")) {
            String v = o.get(k);
            if (v != null && !v.isEmpty()) {
                sb.append(k).append(": ").append(v).append('\n');
            }
        }
        return sb.toString();
    }

    /**
     * The JSON of {@code GET /streams/{name}} as eKuiper 2.x writes it: {@code Name}, {@code StreamFields}
     * ({@code FieldType} then {@code Name}; null when schemaless), {@code Options} with the JSON names,
     * {@code StreamType} (0 stream, 1 table) and, Oort's addition, the {@code Statement} text.
     */
    public static Map<String, Object> describeJson(StreamDef d) {
        StreamStatement st = d.statement();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("Name", d.name());
        List<Object> fields = new ArrayList<>();
        for (StreamField f : st.fields()) {
            fields.add(field(f));
        }
        m.put("StreamFields", fields.isEmpty() ? null : fields);
        m.put("Options", options(st));
        m.put("StreamType", d.table() ? 1 : 0);
        m.put("Statement", d.sql());
        return m;
    }

    private static Map<String, Object> field(StreamField f) {
        Map<String, Object> fm = new LinkedHashMap<>();
        fm.put("FieldType", fieldType(f.type()));
        fm.put("Name", f.name());
        if (f.defaultValue() != null) {
            fm.put("DefaultClause", String.valueOf(f.defaultValue()));
        }
        return fm;
    }

    private static Object fieldType(DataType t) {
        if (t instanceof DataType.Array a) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("Type", "array");
            m.put("ElementType", fieldType(a.element()));
            return m;
        }
        if (t instanceof DataType.Struct s) {
            List<Object> fs = new ArrayList<>();
            for (StreamField f : s.fields()) {
                Map<String, Object> fm = new LinkedHashMap<>();
                fm.put("FieldType", fieldType(f.type()));
                fm.put("Name", f.name());
                fs.add(fm);
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("Type", "struct");
            m.put("Fields", fs);
            return m;
        }
        return t.toString();
    }

    /** The options under eKuiper's JSON names (only those set; booleans and sizes typed). */
    static Map<String, Object> options(StreamStatement st) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : st.options().asMap().entrySet()) {
            String v = e.getValue();
            switch (e.getKey()) {
                case "DATASOURCE" -> m.put("datasource", v);
                case "KEY" -> m.put("key", v);
                case "FORMAT" -> m.put("format", v);
                case "CONF_KEY" -> m.put("confKey", v);
                case "TYPE" -> m.put("type", v);
                case "STRICT_VALIDATION" -> m.put("strictValidation", Boolean.parseBoolean(v));
                case "TIMESTAMP" -> m.put("timestamp", v);
                case "TIMESTAMP_FORMAT" -> m.put("timestampFormat", v);
                case "SHARED" -> m.put("shared", Boolean.parseBoolean(v));
                case "SCHEMAID" -> m.put("schemaid", v);
                case "VERSION" -> m.put("version", v);
                case "EXTRA" -> m.put("extra", v);
                case "TEMP" -> m.put("temp", Boolean.parseBoolean(v));
                case "RETAIN_SIZE" -> m.put("retainSize", st.options().retainSize());
                case "KIND" -> m.put("kind", v);
                case "DELIMITER" -> m.put("delimiter", v);
                default -> m.put(e.getKey().toLowerCase(), v);
            }
        }
        return m;
    }

    /** The JSON-schema-like map of {@code /streams/{name}/schema}. */
    public static Map<String, Object> schema(StreamDef d) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (StreamField f : d.statement().fields()) {
            m.put(f.name(), f.type().schemaJson());
        }
        return m;
    }
}
