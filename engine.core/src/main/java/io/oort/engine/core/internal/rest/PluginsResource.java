package io.oort.engine.core.internal.rest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;

import com.fasterxml.jackson.databind.JsonNode;

import io.oort.engine.core.api.ConnectorKind;
import io.oort.engine.core.internal.plugin.PluginException;
import io.oort.engine.core.internal.plugin.PluginInfo;
import io.oort.engine.core.internal.plugin.PluginKind;
import io.oort.engine.core.internal.plugin.PluginService;
import io.oort.engine.core.internal.service.EngineService;

/**
 * {@code /plugins}: eKuiper's plugin API over Oort's {@link PluginService} — list, describe, create
 * ({@code {"name","file","functions","sha256"}} with an http(s):// or file:// URL to a bundle jar or plugin zip),
 * update (PUT), delete (no restart needed), the function-plugin queries ({@code /plugins/udfs}, {@code register}),
 * plus Oort's upload of a jar as the request body ({@code PUT /plugins/bundles/{file}}). Refusals answer 400 with the
 * reason; nothing is changed then.
 */
final class PluginsResource {

    private static final String[] KINDS = {"sources", "sinks", "functions", "portables"};

    private final EngineService engine;

    PluginsResource(EngineService engine) {
        this.engine = engine;
    }

    void register(Router r) {
        r.get("/plugins/sources", req -> RestResponse.json(engine.connectorTypes(ConnectorKind.SOURCE)));
        r.get("/plugins/sinks", req -> RestResponse.json(engine.connectorTypes(ConnectorKind.SINK)));
        r.get("/plugins/lookups", req -> RestResponse.json(engine.connectorTypes(ConnectorKind.LOOKUP)));
        r.get("/plugins/functions", req -> RestResponse.json(plugins().names("functions")));
        r.get("/plugins/portables", req -> RestResponse.json(maps(plugins().plugins())));
        r.get("/plugins/bundles", req -> RestResponse.json(maps(plugins().plugins())));
        r.put("/plugins/bundles/{file}", this::upload);
        r.get("/plugins/udfs", req -> RestResponse.json(plugins().udfs()));
        r.get("/plugins/udfs/{name}", req -> call("", () -> RestResponse.json(plugins().udf(req.param("name")))));
        r.post("/plugins/functions/{name}/register", this::registerFunctions);
        for (String k : KINDS) {
            PluginKind kind = PluginKind.of(k);
            r.post("/plugins/" + k, req -> create(kind, req));
            r.get("/plugins/" + k + "/{name}", req -> call("describe " + k + " plugin " + req.param("name")
                    + " error: ", () -> RestResponse.json(plugins().info(kind, req.param("name")).toMap())));
            r.put("/plugins/" + k + "/{name}", req -> update(kind, req));
            r.delete("/plugins/" + k + "/{name}", req -> call("delete " + k + " plugin " + req.param("name")
                    + " error: ", () -> {
                        PluginInfo p = plugins().uninstall(kind, req.param("name"));
                        return RestResponse.text(k + " plugin " + req.param("name") + " is deleted (bundle "
                                + p.symbolicName() + " " + p.version() + " uninstalled; no restart needed)");
                    }));
        }
    }

    private RestResponse create(PluginKind kind, RestRequest req) throws Exception {
        JsonNode body = req.json();
        String name = text(body, "name");
        return call(kind.path() + " plugins create command error: ", () -> {
            checkShellParas(body);
            plugins().install(kind, name == null ? "" : name.trim(), text(body, "file"), text(body, "sha256"),
                    list(body, "functions"));
            return RestResponse.text(201, kind.path() + " plugin " + name + " is created");
        });
    }

    private RestResponse update(PluginKind kind, RestRequest req) throws Exception {
        JsonNode body = req.json();
        String name = req.param("name");
        return call("update " + kind.path() + " plugin " + name + " error: ", () -> {
            checkShellParas(body);
            String given = text(body, "name");
            if (given != null && !given.isBlank() && !given.trim().equals(name)) {
                throw PluginException.badRequest("the body names plugin " + given + " but the path names " + name);
            }
            PluginInfo p = plugins().update(kind, name, text(body, "file"), text(body, "sha256"),
                    list(body, "functions"));
            return RestResponse.text("plugin " + name + " is updated (bundle " + p.symbolicName() + " "
                    + p.version() + " is active; no restart needed)");
        });
    }

    private RestResponse upload(RestRequest req) throws Exception {
        String file = req.param("file");
        return call("upload plugin " + file + " error: ", () -> {
            boolean existed = plugins().plugins().stream()
                    .anyMatch(p -> file.equals(p.file()) || (p.name() + ".zip").equals(file));
            PluginInfo p = plugins().upload(file, req.body(), req.query("sha256"));
            return RestResponse.json(existed ? 200 : 201, p.toMap());
        });
    }

    private RestResponse registerFunctions(RestRequest req) throws Exception {
        String name = req.param("name");
        JsonNode body = req.json();
        return call("function plugins " + name + " register functions error: ", () -> {
            plugins().registerFunctions(name, list(body, "functions"));
            return RestResponse.text("function plugin " + name + " function list is registered");
        });
    }

    private static void checkShellParas(JsonNode body) throws PluginException {
        if (!list(body, "shellParas").isEmpty()) {
            throw PluginException.badRequest("shellParas are not supported: an Oort plugin is a bundle that carries "
                    + "its libraries, no install script is run");
        }
    }

    @FunctionalInterface
    private interface Call {
        RestResponse run() throws PluginException;
    }

    private static RestResponse call(String prefix, Call c) {
        try {
            return c.run();
        } catch (PluginException e) {
            throw new RestException(e.status(), e.status() == 404 ? RestException.NOT_FOUND : RestException.GENERAL,
                    prefix + e.getMessage());
        }
    }

    private static String text(JsonNode body, String field) {
        JsonNode n = body.get(field);
        return n == null || n.isNull() ? null : n.asText();
    }

    private static List<String> list(JsonNode body, String field) throws PluginException {
        JsonNode n = body.get(field);
        List<String> out = new ArrayList<>();
        if (n == null || n.isNull()) {
            return out;
        }
        if (!n.isArray()) {
            throw PluginException.badRequest("property '" + field + "' must be an array of strings");
        }
        for (JsonNode e : n) {
            out.add(e.asText());
        }
        return out;
    }

    private static List<Map<String, Object>> maps(List<PluginInfo> plugins) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (PluginInfo p : plugins) {
            out.add(p.toMap());
        }
        return out;
    }

    /** The plugin service, looked up per request: plugin management may start after the REST API, or be absent. */
    private static PluginService plugins() {
        Bundle b = FrameworkUtil.getBundle(PluginsResource.class);
        BundleContext ctx = b == null ? null : b.getBundleContext();
        ServiceReference<PluginService> ref = ctx == null ? null : ctx.getServiceReference(PluginService.class);
        PluginService s = ref == null ? null : ctx.getService(ref);
        if (s == null) {
            throw new RestException(503, RestException.GENERAL, "plugin management is not available");
        }
        ctx.ungetService(ref); // a DS singleton of this bundle: it stays valid while the bundle is active
        return s;
    }
}
