package io.oort.engine.core.internal.rest;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Proxy;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.oort.engine.core.internal.service.EngineService;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Calls the REST servlet in-process with minimal request/response stand-ins (no HTTP server). */
final class RestCalls {

    /** What the client would receive. */
    record Reply(int status, String contentType, String body, Map<String, String> headers) {
        JsonNode json() {
            try {
                return new ObjectMapper().readTree(body);
            } catch (Exception e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }
    }

    private final RestServlet servlet;
    final Map<String, String> headers = new HashMap<>();

    RestCalls(RestServlet servlet) {
        this.servlet = servlet;
    }

    /** The servlet with every route of the engine, a body limit and an optional authenticator. */
    static RestCalls of(EngineService engine, long maxBody, RestServlet.Authenticator auth) {
        return new RestCalls(new RestServlet(RestComponent.routes(engine), new ObjectMapper(), maxBody, auth));
    }

    Reply get(String path) throws Exception {
        return call("GET", path, null);
    }

    Reply post(String path, String body) throws Exception {
        return call("POST", path, body);
    }

    Reply put(String path, String body) throws Exception {
        return call("PUT", path, body);
    }

    Reply delete(String path) throws Exception {
        return call("DELETE", path, null);
    }

    Reply call(String method, String pathAndQuery, String body) throws Exception {
        byte[] in = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        int q = pathAndQuery.indexOf('?');
        String path = q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
        Map<String, String[]> params = new HashMap<>();
        if (q >= 0) {
            for (String kv : pathAndQuery.substring(q + 1).split("&")) {
                String[] p = kv.split("=", 2);
                params.put(URLDecoder.decode(p[0], StandardCharsets.UTF_8),
                        new String[] {p.length > 1 ? URLDecoder.decode(p[1], StandardCharsets.UTF_8) : ""});
            }
        }
        ByteArrayInputStream bin = new ByteArrayInputStream(in);
        ServletInputStream sin = new ServletInputStream() {
            @Override
            public boolean isFinished() {
                return bin.available() == 0;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener l) {
                // blocking only
            }

            @Override
            public int read() {
                return bin.read();
            }
        };
        ByteArrayOutputStream bout = new ByteArrayOutputStream();
        ServletOutputStream sout = new ServletOutputStream() {
            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener l) {
                // blocking only
            }

            @Override
            public void write(int b) {
                bout.write(b);
            }
        };
        HttpServletRequest req = (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (p, m, a) -> switch (m.getName()) {
                    case "getMethod" -> method;
                    case "getRequestURI" -> path;
                    case "getContextPath" -> "";
                    case "getHeader" -> headers.get((String) a[0]);
                    case "getContentLengthLong" -> (long) in.length;
                    case "getContentLength" -> in.length;
                    case "getInputStream" -> sin;
                    case "getParameterMap" -> params;
                    default -> throw new UnsupportedOperationException(m.getName());
                });
        int[] status = {200};
        String[] type = {null};
        Map<String, String> outHeaders = new LinkedHashMap<>();
        HttpServletResponse resp = (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (p, m, a) -> {
                    switch (m.getName()) {
                        case "setStatus" -> status[0] = (Integer) a[0];
                        case "setContentType" -> type[0] = (String) a[0];
                        case "setHeader", "addHeader" -> outHeaders.put((String) a[0], (String) a[1]);
                        case "setContentLength" -> { }
                        case "getOutputStream" -> {
                            return sout;
                        }
                        default -> throw new UnsupportedOperationException(m.getName());
                    }
                    return null;
                });
        servlet.service(req, resp);
        return new Reply(status[0], type[0], bout.toString(StandardCharsets.UTF_8), outHeaders);
    }
}
