package io.oort.engine.core.internal.rest;

import java.util.Hashtable;

import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.oort.engine.core.internal.management.JwtVerifier;
import io.oort.engine.core.internal.plugin.InitialPlugins;
import io.oort.engine.core.internal.service.EngineService;
import jakarta.servlet.Servlet;

/**
 * Publishes the REST servlet on the HTTP whiteboard at the root path, as eKuiper serves its API
 * ({@code basic.restPort}, 9081 by default; the port is the HTTP service's, set by the launcher).
 */
@Component(immediate = true)
public class RestComponent {

    /** How long requests may wait for the plugins present at start-up to be deployed. */
    private static final long INITIAL_PLUGINS_BOUND_MS = 10_000;

    private final ServiceRegistration<Servlet> registration;
    private final InitialPlugins initialPlugins;

    @Activate
    public RestComponent(@Reference EngineService engine, BundleContext ctx) {
        Router router = routes(engine);
        long maxBody = engine.config().getLong("basic.maxBodyBytes", 10L * 1024 * 1024);
        initialPlugins = InitialPlugins.watch(ctx, INITIAL_PLUGINS_BOUND_MS);
        RestServlet servlet = new RestServlet(router, new ObjectMapper(), maxBody, authenticator(engine),
                initialPlugins);
        Hashtable<String, Object> props = new Hashtable<>();
        // Plain properties, not the @HttpWhiteboardServletPattern annotation: that would make this bundle require
        // a whiteboard implementation to resolve at all.
        props.put("osgi.http.whiteboard.servlet.pattern", "/*");
        props.put("osgi.http.whiteboard.servlet.name", "oort-rest");
        registration = ctx.registerService(Servlet.class, servlet, props);
    }

    /** Every resource's routes. */
    public static Router routes(EngineService engine) {
        Router r = new Router();
        new SystemResource(engine).register(r);
        new StreamsResource(engine).register(r);
        new RulesResource(engine).register(r);
        new PluginsResource(engine).register(r);
        new DataResource(engine, engine.config().getLong("basic.maxBodyBytes", 10L * 1024 * 1024)).register(r);
        new ConnectionsResource(engine).register(r);
        new MetadataResource(engine).register(r);
        return r;
    }

    /**
     * eKuiper's JWT check when {@code basic.authentication} is on (keys in etc/mgmt/), else null. {@code /} and
     * {@code /ping} stay open.
     */
    public static RestServlet.Authenticator authenticator(EngineService engine) {
        if (!engine.config().getBoolean("basic.authentication", false)) {
            return null;
        }
        java.nio.file.Path keys = engine.home() == null ? null : engine.home().resolve("etc").resolve("mgmt");
        JwtVerifier jwt = new JwtVerifier(keys, System::currentTimeMillis);
        return (path, header) -> {
            if (path.isEmpty() || path.equals("/") || path.equals("/ping")) {
                return null;
            }
            try {
                jwt.verify(header);
                return null;
            } catch (JwtVerifier.AuthException e) {
                return e.getMessage();
            }
        };
    }

    @Deactivate
    void deactivate() {
        registration.unregister();
        initialPlugins.close();
    }
}
