package io.oort.engine.core.internal.rest;

import java.io.IOException;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** One REST call as handlers see it: method, path parameters, query and body. */
public final class RestRequest {

    private final String method;
    private final String path;
    private final Map<String, String> pathParams;
    private final Map<String, String[]> query;
    private final byte[] body;
    private final ObjectMapper json;

    RestRequest(String method, String path, Map<String, String> pathParams, Map<String, String[]> query, byte[] body,
            ObjectMapper json) {
        this.method = method;
        this.path = path;
        this.pathParams = pathParams;
        this.query = query;
        this.body = body;
        this.json = json;
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }

    /** A {@code {name}} segment of the route. */
    public String param(String name) {
        return pathParams.get(name);
    }

    /** A query parameter, or null. */
    public String query(String name) {
        String[] v = query.get(name);
        return v == null || v.length == 0 ? null : v[0];
    }

    public byte[] body() {
        return body;
    }

    /** The body parsed as JSON; a clean 400 when it is not JSON. */
    public JsonNode json() {
        if (body.length == 0) {
            throw RestException.badRequest(RestException.GENERAL, "request body is empty, expected JSON");
        }
        try {
            return json.readTree(body);
        } catch (JsonProcessingException e) {
            throw RestException.badRequest(RestException.GENERAL,
                    "invalid JSON body: " + e.getOriginalMessage() + " at line " + e.getLocation().getLineNr()
                            + ", column " + e.getLocation().getColumnNr());
        } catch (IOException e) {
            throw RestException.badRequest(RestException.GENERAL, "cannot read the request body: " + e.getMessage());
        }
    }

    /** The body bound to a type; unknown fields are ignored, wrong types give a clean 400. */
    public <T> T json(Class<T> type) {
        JsonNode node = json();
        try {
            return json.treeToValue(node, type);
        } catch (JsonProcessingException e) {
            throw RestException.badRequest(RestException.GENERAL, "invalid request body: " + e.getOriginalMessage());
        }
    }
}
