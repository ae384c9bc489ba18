package io.oort.engine.core.internal.rest;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.oort.engine.core.internal.management.DataTransfer;
import io.oort.engine.core.internal.management.Sections;
import io.oort.engine.core.internal.service.EngineService;

/**
 * Batch configuration: {@code /data/export}, {@code /data/import}, {@code /data/import/status} and the legacy
 * {@code /ruleset/export} and {@code /ruleset/import}. Exports are answered as eKuiper does (a JSON document sent as
 * application/octet-stream); imports take {@code {"content": "..."}} or {@code {"file": "file:///..."}}.
 */
final class DataResource {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DOWNLOAD = "application/octet-stream";

    private final EngineService engine;
    private final long maxBytes;

    DataResource(EngineService engine, long maxBytes) {
        this.engine = engine;
        this.maxBytes = maxBytes;
    }

    void register(Router r) {
        r.get("/data/export", req -> download(engine.transfer().exportAll().asMap()));
        r.post("/data/export", this::exportRules);
        r.post("/data/import", this::importData);
        r.get("/data/import/status", req -> RestResponse.json(engine.transfer().status().asMap()));
        r.post("/ruleset/export", req -> download(engine.transfer().exportRuleset()));
        r.post("/ruleset/import", this::importRuleset);
    }

    private static RestResponse download(Object body) throws JsonProcessingException {
        return RestResponse.raw(200, JSON.writeValueAsString(body), DOWNLOAD);
    }

    private RestResponse exportRules(RestRequest req) throws JsonProcessingException {
        JsonNode n = req.json();
        if (!n.isArray()) {
            throw RestException.badRequest(RestException.GENERAL, "Invalid body: expected a JSON array of rule ids");
        }
        List<String> ids = new ArrayList<>();
        for (JsonNode x : n) {
            if (!x.isTextual()) {
                throw RestException.badRequest(RestException.GENERAL, "Invalid body: rule ids must be strings");
            }
            ids.add(x.asText());
        }
        Sections s = RulesResource.get(() -> engine.transfer().exportRules(ids), "export error");
        return download(s.asMap());
    }

    private RestResponse importData(RestRequest req) throws Exception {
        String content = content(req);
        boolean partial = "1".equals(req.query("partial"));
        boolean stop = "1".equals(req.query("stop"));
        DataTransfer.Result result = RulesResource.get(() -> engine.transfer().importData(content, partial, stop),
                "");
        if (!result.ok()) {
            throw RestException.badRequest(RestException.UNDEFINED, result.errors().toJson());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ErrorMsg", "");
        body.put("ConfigResponse", result.errors().asMap());
        return RestResponse.json(body);
    }

    private RestResponse importRuleset(RestRequest req) {
        String content = content(req);
        return RulesResource.call(() -> RestResponse.text(engine.transfer().importRuleset(content)),
                "Import ruleset error");
    }

    /** The file's text from {@code content} or {@code file} (file: or http(s): URL), bounded in size. */
    private String content(RestRequest req) {
        JsonNode n;
        try {
            n = req.json();
        } catch (RestException e) {
            throw RestException.badRequest(RestException.GENERAL, "Invalid body: Error decoding json: "
                    + e.getMessage());
        }
        String content = text(n, "content");
        String file = text(n, "file");
        if (content != null && file != null) {
            throw RestException.badRequest(RestException.GENERAL, "Invalid body: Cannot specify both content and file");
        }
        if (content == null && file == null) {
            throw RestException.badRequest(RestException.GENERAL, "Invalid body: must specify content or file");
        }
        return content != null ? content : read(file);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.isObject() ? n.get(field) : null;
        if (v == null || v.isNull() || (v.isTextual() && v.asText().isEmpty())) {
            return null;
        }
        if (!v.isTextual()) {
            throw RestException.badRequest(RestException.GENERAL, "Invalid body: " + field + " must be a string");
        }
        return v.asText();
    }

    private String read(String file) {
        URI uri;
        try {
            uri = new URI(file);
        } catch (URISyntaxException e) {
            throw RestException.badRequest(RestException.IO, "Fail to read file: invalid URI " + file);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
        if (!scheme.equals("file") && !scheme.equals("http") && !scheme.equals("https")) {
            throw RestException.badRequest(RestException.IO, "Fail to read file: only file:, http: and https: URLs "
                    + "are supported, got " + file);
        }
        try {
            URLConnection c = uri.toURL().openConnection();
            c.setConnectTimeout(10_000);
            c.setReadTimeout(30_000);
            try (InputStream in = c.getInputStream()) {
                byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
                if (bytes.length > maxBytes) {
                    throw new RestException(413, RestException.GENERAL, "Fail to read file: " + file
                            + " is larger than " + maxBytes + " bytes");
                }
                return new String(bytes, StandardCharsets.UTF_8);
            }
        } catch (IOException | IllegalArgumentException e) {
            throw RestException.badRequest(RestException.IO, "Fail to read file: " + e.getMessage());
        }
    }
}
