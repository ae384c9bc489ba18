package io.oort.engine.core.internal.rest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.oort.engine.core.internal.plugin.InitialPlugins;

/**
 * The single servlet behind eKuiper's REST paths: reads the request (bounded in size), dispatches through the
 * {@link Router} and writes JSON or text, turning every failure into eKuiper's error body, never a stack trace.
 * A thin skin: handlers call the engine's services and hold no logic of their own.
 */
public class RestServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(RestServlet.class);

    /** Decides whether a request may go on; eKuiper exempts {@code /} and {@code /ping} from authentication. */
    @FunctionalInterface
    public interface Authenticator {
        /** Null when the request is allowed, else the text answered with 401. */
        String reject(String path, String authorization);
    }

    private final transient Router router;
    private final transient ObjectMapper json;
    private final long maxBodyBytes;
    private final transient Authenticator auth;
    private final transient InitialPlugins initialPlugins;

    public RestServlet(Router router, ObjectMapper json, long maxBodyBytes) {
        this(router, json, maxBodyBytes, null, InitialPlugins.none());
    }

    /** @param auth null for an open API (eKuiper's default, {@code basic.authentication: false}) */
    public RestServlet(Router router, ObjectMapper json, long maxBodyBytes, Authenticator auth) {
        this(router, json, maxBodyBytes, auth, InitialPlugins.none());
    }

    /**
     * @param auth           null for an open API (eKuiper's default, {@code basic.authentication: false})
     * @param initialPlugins requests but {@code /ping} wait for the plugins present at start-up (bounded)
     */
    public RestServlet(Router router, ObjectMapper json, long maxBodyBytes, Authenticator auth,
            InitialPlugins initialPlugins) {
        this.router = router;
        this.json = json;
        this.maxBodyBytes = maxBodyBytes;
        this.auth = auth;
        this.initialPlugins = initialPlugins;
    }

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        resp.setHeader("Access-Control-Allow-Origin", "*");
        String method = req.getMethod();
        if ("OPTIONS".equals(method)) {
            resp.setHeader("Access-Control-Allow-Methods", "GET, POST, PUT, DELETE, PATCH, OPTIONS");
            resp.setHeader("Access-Control-Allow-Headers", "Content-Type, Authorization");
            resp.setStatus(200);
            return;
        }
        String path = req.getRequestURI();
        String ctx = req.getContextPath();
        if (ctx != null && !ctx.isEmpty() && path.startsWith(ctx)) {
            path = path.substring(ctx.length());
        }
        if (!"/ping".equals(path)) {
            try {
                initialPlugins.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (auth != null) {
            String refused = auth.reject(path, req.getHeader("Authorization"));
            if (refused != null) {
                write(resp, RestResponse.raw(401, refused + "\n", "text/plain; charset=utf-8"));
                return;
            }
        }
        RestResponse out;
        try {
            Router.Match m = router.match(method, path);
            if (m == null) {
                throw RestException.notFound("no such endpoint: " + method + " " + path);
            }
            if (m.handler() == null) {
                resp.setHeader("Allow", String.join(", ", m.allowed()));
                throw new RestException(405, RestException.GENERAL,
                        "method " + method + " not allowed on " + path + "; allowed: " + String.join(", ", m.allowed()));
            }
            byte[] body = readBody(req);
            RestRequest r = new RestRequest(method, path, m.params(), req.getParameterMap(), body, json);
            out = m.handler().handle(r);
        } catch (RestException e) {
            out = error(e.status(), e.code(), e.getMessage());
        } catch (Exception e) {
            LOG.warn("REST {} {} failed", method, path, e);
            out = error(500, RestException.UNDEFINED, "internal error: " + e);
        }
        write(resp, out);
    }

    private static RestResponse error(int status, int code, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", code);
        body.put("message", message);
        return RestResponse.json(status, body);
    }

    private byte[] readBody(HttpServletRequest req) throws IOException {
        long declared = req.getContentLengthLong();
        if (declared > maxBodyBytes) {
            throw new RestException(413, RestException.GENERAL,
                    "request body of " + declared + " bytes exceeds the limit of " + maxBodyBytes + " bytes");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(declared > 0 ? (int) declared : 256);
        byte[] buf = new byte[8192];
        try (InputStream in = req.getInputStream()) {
            int n;
            long total = 0;
            while ((n = in.read(buf)) > 0) {
                total += n;
                if (total > maxBodyBytes) {
                    throw new RestException(413, RestException.GENERAL,
                            "request body exceeds the limit of " + maxBodyBytes + " bytes");
                }
                out.write(buf, 0, n);
            }
        }
        return out.toByteArray();
    }

    private void write(HttpServletResponse resp, RestResponse out) throws IOException {
        resp.setStatus(out.status());
        byte[] bytes;
        if (out.text()) {
            resp.setContentType(out.contentType() != null ? out.contentType() : "text/plain; charset=utf-8");
            bytes = String.valueOf(out.body()).getBytes(StandardCharsets.UTF_8);
        } else {
            resp.setContentType("application/json");
            bytes = json.writeValueAsBytes(out.body());
        }
        resp.setContentLength(bytes.length);
        resp.getOutputStream().write(bytes);
    }

    /** Allowed for tests: the methods registered on a path. */
    List<String> allowed(String path) {
        Router.Match m = router.match("__none__", path);
        return m == null ? List.of() : m.allowed();
    }
}
