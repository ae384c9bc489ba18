package io.oort.engine.core.internal.rest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Matches {@code METHOD /path/{param}/...} routes. Literal segments win over parameters, so
 * {@code /rules/status/all} is found before {@code /rules/{id}/status}.
 */
public final class Router {

    /** Handles one matched request. */
    @FunctionalInterface
    public interface Handler {
        RestResponse handle(RestRequest request) throws Exception;
    }

    private record Route(String method, String[] segments, Handler handler, int literals) {
    }

    /** A matched route with its path parameters, or the methods the path allows when no method matched. */
    public record Match(Handler handler, Map<String, String> params, List<String> allowed) {
    }

    private final List<Route> routes = new ArrayList<>();

    public Router add(String method, String pattern, Handler handler) {
        String[] segs = split(pattern);
        int literals = 0;
        for (String s : segs) {
            if (!s.startsWith("{")) {
                literals++;
            }
        }
        routes.add(new Route(method, segs, handler, literals));
        return this;
    }

    public Router get(String pattern, Handler h) {
        return add("GET", pattern, h);
    }

    public Router post(String pattern, Handler h) {
        return add("POST", pattern, h);
    }

    public Router put(String pattern, Handler h) {
        return add("PUT", pattern, h);
    }

    public Router delete(String pattern, Handler h) {
        return add("DELETE", pattern, h);
    }

    public Router patch(String pattern, Handler h) {
        return add("PATCH", pattern, h);
    }

    /** The best route for the request, or null when the path is unknown. */
    public Match match(String method, String path) {
        String[] segs = split(path);
        Route best = null;
        Map<String, String> bestParams = null;
        List<String> allowed = new ArrayList<>();
        for (Route r : routes) {
            Map<String, String> params = matchPath(r.segments, segs);
            if (params == null) {
                continue;
            }
            if (!r.method.equals(method)) {
                allowed.add(r.method);
                continue;
            }
            if (best == null || r.literals > best.literals) {
                best = r;
                bestParams = params;
            }
        }
        if (best != null) {
            return new Match(best.handler, bestParams, List.of());
        }
        return allowed.isEmpty() ? null : new Match(null, Map.of(), allowed);
    }

    private static Map<String, String> matchPath(String[] pattern, String[] path) {
        if (pattern.length != path.length) {
            return null;
        }
        Map<String, String> params = new HashMap<>();
        for (int i = 0; i < pattern.length; i++) {
            String p = pattern[i];
            if (p.startsWith("{") && p.endsWith("}")) {
                params.put(p.substring(1, p.length() - 1), path[i]);
            } else if (!p.equals(path[i])) {
                return null;
            }
        }
        return params;
    }

    private static String[] split(String path) {
        String p = path;
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        if (p.isEmpty()) {
            return new String[0];
        }
        String[] segs = p.split("/", -1);
        for (int i = 0; i < segs.length; i++) {
            segs[i] = percentDecode(segs[i]);
        }
        return segs;
    }

    /** Decodes %XX escapes of a path segment as UTF-8 ('+' stays a plus in paths). */
    static String percentDecode(String s) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i + 2 < s.length()) {
                int hi = Character.digit(s.charAt(i + 1), 16);
                int lo = Character.digit(s.charAt(i + 2), 16);
                if (hi >= 0 && lo >= 0) {
                    out.write(hi * 16 + lo);
                    i += 2;
                    continue;
                }
            }
            byte[] b = String.valueOf(c).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            out.write(b, 0, b.length);
        }
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }
}
