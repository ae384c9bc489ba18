package io.oort.engine.core.internal.management;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.oort.engine.core.api.ConnectorDescriptor;
import io.oort.engine.core.api.ConnectorKind;
import io.oort.engine.core.api.PropertyDecl;
import io.oort.engine.core.api.PropertyType;
import io.oort.engine.core.internal.connector.ConfKeys;
import io.oort.engine.core.internal.connector.Configs;
import io.oort.engine.core.internal.registry.ConnectorRegistry;
import io.oort.engine.core.internal.service.ServiceException;
import io.oort.engine.sql.function.FunctionDef;
import io.oort.engine.sql.function.FunctionRegistry;

/**
 * The {@code /metadata} API: what eKuiper's UI reads to build its forms, derived from each connector's
 * {@link PropertyDecl} list (name, type, default, required, description) rather than from JSON files under etc/,
 * and the conf-key CRUD of sources, sinks and connections.
 */
public final class Metadata {

    /** Where the engine core's own connectors come from (reported as eKuiper's "internal" extension type). */
    private static final String CORE_BUNDLE = io.oort.engine.core.internal.util.BundleInfo.of(Metadata.class)[0];

    private final ConnectorRegistry connectors;
    private final ConfKeys confKeys;
    private final FunctionRegistry functions;

    public Metadata(ConnectorRegistry connectors, ConfKeys confKeys, FunctionRegistry functions) {
        this.connectors = connectors;
        this.confKeys = confKeys;
        this.functions = functions;
    }

    /** {@code [{"name","about","type"}]} of the installed connectors of a kind, sorted by name. */
    public List<Map<String, Object>> list(ConnectorKind kind) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (ConnectorRegistry.Entry e : connectors.list(kind)) {
            out.add(summary(e));
        }
        return out;
    }

    /** The connector types that can share a connection (they declare {@code connectionSelector}). */
    public List<Map<String, Object>> connectionTypes() {
        Map<String, Map<String, Object>> byType = new TreeMap<>();
        for (ConnectorRegistry.Entry e : connectors.all()) {
            if (e.descriptor().property(Dependencies.SELECTOR) != null) {
                byType.putIfAbsent(e.type(), summary(e));
            }
        }
        return new ArrayList<>(byType.values());
    }

    /** A connector's form: {@code {"about","libs","properties":[...],"node","type"}}. */
    public Map<String, Object> describe(ConnectorKind kind, String type) throws ServiceException {
        return form(entry(kind, type), false);
    }

    /** A connection type's form: the connector's properties without the selector itself. */
    public Map<String, Object> describeConnection(String type) throws ServiceException {
        for (ConnectorKind k : List.of(ConnectorKind.SOURCE, ConnectorKind.SINK)) {
            ConnectorRegistry.Entry e = connectors.find(k, type);
            if (e != null && e.descriptor().property(Dependencies.SELECTOR) != null) {
                return form(e, true);
            }
        }
        throw notFound(type);
    }

    private ConnectorRegistry.Entry entry(ConnectorKind kind, String type) throws ServiceException {
        ConnectorRegistry.Entry e = connectors.find(kind, type);
        if (e == null) {
            throw notFound(type);
        }
        return e;
    }

    private static ServiceException notFound(String type) {
        return new ServiceException(404, ServiceException.NOT_FOUND, "This plugin was not found:" + type);
    }

    private static Map<String, Object> summary(ConnectorRegistry.Entry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", e.type());
        m.put("about", about(e));
        m.put("type", extensionType(e));
        return m;
    }

    private static String extensionType(ConnectorRegistry.Entry e) {
        return CORE_BUNDLE.equals(e.bundle()) ? "internal" : "native";
    }

    private static Map<String, Object> about(ConnectorRegistry.Entry e) {
        Map<String, Object> author = new LinkedHashMap<>();
        author.put("name", e.bundle());
        author.put("email", "");
        author.put("company", "");
        author.put("website", "");
        Map<String, Object> about = new LinkedHashMap<>();
        about.put("trial", false);
        about.put("installed", true);
        about.put("author", author);
        about.put("helpUrl", text(""));
        about.put("description", text(e.descriptor().description()));
        about.put("version", e.version());
        return about;
    }

    private static Map<String, Object> text(String s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("en_US", s);
        m.put("zh_CN", s);
        return m;
    }

    private static Map<String, Object> form(ConnectorRegistry.Entry e, boolean connectionOnly) {
        List<Object> props = new ArrayList<>();
        for (PropertyDecl p : e.descriptor().properties()) {
            if (connectionOnly && p.name().equals(Dependencies.SELECTOR)) {
                continue;
            }
            props.add(field(p));
        }
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("category", e.kind() == ConnectorKind.SINK ? "sink" : "source");
        node.put("icon", "iconPath");
        node.put("label", text(e.type()));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("about", about(e));
        m.put("libs", List.of());
        m.put("properties", props);
        m.put("node", node);
        m.put("type", extensionType(e));
        return m;
    }

    /** One property as eKuiper's UI metadata writes it. */
    static Map<String, Object> field(PropertyDecl p) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("name", p.name());
        f.put("default", p.type() == PropertyType.SECRET ? "" : p.defaultValue());
        f.put("control", control(p));
        f.put("connection_related", p.name().equals(Dependencies.SELECTOR));
        f.put("optional", !p.required());
        f.put("type", switch (p.type()) {
            case INTEGER -> "int";
            case FLOAT -> "float";
            case BOOLEAN -> "bool";
            case LIST -> "list_string";
            case MAP -> "object";
            default -> "string";
        });
        f.put("hint", text(p.description()));
        f.put("label", text(p.name()));
        f.put("values", !p.options().isEmpty() ? p.options()
                : p.type() == PropertyType.BOOLEAN ? List.of(true, false) : null);
        return f;
    }

    private static String control(PropertyDecl p) {
        if (!p.options().isEmpty()) {
            return "select";
        }
        return switch (p.type()) {
            case BOOLEAN -> "radio";
            case SECRET -> "password";
            case LIST -> "list";
            case MAP -> "textarea";
            default -> "text";
        };
    }

    // ------------------------------------------------------------------------------------------- conf keys

    /** Every conf key of a type ({@code GET /metadata/<kind>/yaml/<type>}). */
    public Map<String, Map<String, Object>> confKeys(ConfKeys.Kind kind, String type) throws ServiceException {
        Map<String, Map<String, Object>> keys = confKeys.all(kind, type);
        if (keys.isEmpty() && descriptor(kind, type) == null) {
            throw notFound(type);
        }
        return keys;
    }

    /** Adds or replaces a conf key, checking property types against the connector's declarations. */
    public void putConfKey(ConfKeys.Kind kind, String type, String key, Map<String, Object> props)
            throws ServiceException {
        try {
            Ids.check(key);
        } catch (ServiceException e) {
            throw ServiceException.badRequest(e.code(), "Invalid confKey: " + e.getMessage());
        }
        ConnectorDescriptor d = descriptor(kind, type);
        if (d != null) {
            List<PropertyDecl> relaxed = new ArrayList<>();
            for (PropertyDecl p : d.properties()) {
                relaxed.add(new PropertyDecl(p.name(), p.type(), null, false, p.description(), p.options()));
            }
            try {
                Configs.validate(new ConnectorDescriptor(d.type(), d.kind(), d.payload(), d.description(), relaxed),
                        null, props);
            } catch (IllegalArgumentException e) {
                throw ServiceException.badRequest(ServiceException.CONF_KEY, e.getMessage());
            }
        }
        confKeys.put(kind, type, key, props);
    }

    public void deleteConfKey(ConfKeys.Kind kind, String type, String key) throws ServiceException {
        if (!confKeys.delete(kind, type, key)) {
            throw new ServiceException(404, ServiceException.NOT_FOUND,
                    "This confkey was not found:" + type + "." + key);
        }
    }

    private ConnectorDescriptor descriptor(ConfKeys.Kind kind, String type) {
        List<ConnectorKind> kinds = switch (kind) {
            case SOURCES -> List.of(ConnectorKind.SOURCE, ConnectorKind.LOOKUP);
            case SINKS -> List.of(ConnectorKind.SINK);
            default -> List.of(ConnectorKind.SOURCE, ConnectorKind.SINK);
        };
        for (ConnectorKind k : kinds) {
            ConnectorRegistry.Entry e = connectors.find(k, type);
            if (e != null) {
                return e.descriptor();
            }
        }
        return null;
    }

    // ------------------------------------------------------------------------------------------- functions

    /**
     * {@code GET /metadata/functions}: one group per origin ("internal" for the built-ins, else the bundle that
     * registered them), each {@code {"name","about","functions":[{"name","aggregate","kind"}]}}.
     */
    public List<Map<String, Object>> functions() {
        Map<String, List<Object>> byOrigin = new TreeMap<>();
        List<FunctionDef> all = new ArrayList<>(functions.all());
        all.sort((a, b) -> a.name().compareTo(b.name()));
        for (FunctionDef f : all) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", f.name());
            m.put("aggregate", f.kind() == io.oort.engine.sql.function.FunctionKind.AGGREGATE);
            m.put("kind", f.kind().name().toLowerCase());
            byOrigin.computeIfAbsent(f.isBuiltin() ? "internal" : f.origin(), k -> new ArrayList<>()).add(m);
        }
        List<Map<String, Object>> out = new ArrayList<>();
        byOrigin.forEach((origin, fns) -> {
            Map<String, Object> about = new LinkedHashMap<>();
            about.put("trial", false);
            about.put("installed", true);
            about.put("description", text("internal".equals(origin) ? "Oort's built-in SQL functions"
                    : "functions registered by " + origin));
            Map<String, Object> g = new LinkedHashMap<>();
            g.put("name", origin);
            g.put("about", about);
            g.put("functions", fns);
            out.add(g);
        });
        return out;
    }
}
