package io.oort.engine.core.internal.rule;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.oort.engine.core.internal.service.ServiceException;

/**
 * A rule as eKuiper's REST API defines it: {@code {"id","name","sql","actions":[{"mqtt":{...}}],"options":{},
 * "triggered":true,"tags":[],"version":""}}. The original JSON is kept, so GET returns what was given.
 */
public record RuleDef(String id, String name, String sql, List<Action> actions, Map<String, Object> options,
        boolean triggered, List<String> tags, String version, String json) {

    /** One sink of a rule: its type and properties. */
    public record Action(String type, Map<String, Object> props) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Parses and checks a rule; {@code idOverride} is the path id for PUT (must agree when the body has one). */
    @SuppressWarnings("unchecked")
    public static RuleDef parse(String body, String idOverride) throws ServiceException {
        JsonNode n;
        try {
            n = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw ServiceException.badRequest(ServiceException.RULE,
                    "Invalid body: " + e.getOriginalMessage());
        }
        if (n == null || !n.isObject()) {
            throw ServiceException.badRequest(ServiceException.RULE, "Invalid body: the rule must be a JSON object");
        }
        String id = text(n, "id");
        if (idOverride != null) {
            if (id != null && !id.equals(idOverride)) {
                throw ServiceException.badRequest(ServiceException.RULE,
                        "Invalid body: the rule id " + id + " does not match the path id " + idOverride);
            }
            id = idOverride;
            ((ObjectNode) n).put("id", id);
        }
        if (id == null || id.isBlank()) {
            throw ServiceException.badRequest(ServiceException.RULE, "Missing rule id.");
        }
        if (id.length() > 255 || id.contains("/") || id.contains("#") || id.contains("+")) {
            throw ServiceException.badRequest(ServiceException.RULE,
                    "invalid rule id " + id + ": at most 255 characters, without / # +");
        }
        if (n.has("graph") && !n.get("graph").isNull()) {
            throw ServiceException.badRequest(ServiceException.RULE,
                    "graph rules are not supported by Oort; define the rule with sql and actions");
        }
        String sql = text(n, "sql");
        if (sql == null || sql.isBlank()) {
            throw ServiceException.badRequest(ServiceException.RULE, "Missing rule SQL.");
        }
        JsonNode acts = n.get("actions");
        if (acts == null || !acts.isArray() || acts.isEmpty()) {
            throw ServiceException.badRequest(ServiceException.RULE, "Missing rule actions.");
        }
        List<Action> actions = new ArrayList<>();
        for (JsonNode a : acts) {
            if (!a.isObject() || a.isEmpty()) {
                throw ServiceException.badRequest(ServiceException.RULE,
                        "Invalid rule action " + a + ": expected {\"<sink type>\": {properties}}");
            }
            for (var it = a.fields(); it.hasNext();) {
                var e = it.next();
                if (!e.getValue().isObject()) {
                    throw ServiceException.badRequest(ServiceException.RULE,
                            "Invalid properties of action " + e.getKey() + ": expected an object");
                }
                actions.add(new Action(e.getKey(), JSON.convertValue(e.getValue(), LinkedHashMap.class)));
            }
        }
        Map<String, Object> options = Map.of();
        if (n.hasNonNull("options")) {
            if (!n.get("options").isObject()) {
                throw ServiceException.badRequest(ServiceException.RULE, "Invalid rule options: expected an object");
            }
            options = JSON.convertValue(n.get("options"), LinkedHashMap.class);
        }
        boolean triggered = true;
        JsonNode t = n.has("triggered") ? n.get("triggered") : n.get("triggerd");
        if (t != null && !t.isNull()) {
            if (!t.isBoolean()) {
                throw ServiceException.badRequest(ServiceException.RULE, "Invalid triggered: expected true or false");
            }
            triggered = t.asBoolean();
        }
        List<String> tags = new ArrayList<>();
        if (n.hasNonNull("tags")) {
            if (!n.get("tags").isArray()) {
                throw ServiceException.badRequest(ServiceException.RULE, "Invalid tags: expected an array of strings");
            }
            n.get("tags").forEach(x -> tags.add(x.asText()));
        }
        String name = text(n, "name");
        String version = text(n, "version");
        return new RuleDef(id, name == null ? id : name, sql, actions, options, triggered, tags,
                version == null ? "" : version, n.toString());
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    /** The rule as JSON with tags replaced (tag endpoints). */
    public RuleDef withTags(List<String> newTags) {
        try {
            ObjectNode n = (ObjectNode) JSON.readTree(json);
            n.set("tags", JSON.valueToTree(newTags));
            return new RuleDef(id, name, sql, actions, options, triggered, List.copyOf(newTags), version,
                    n.toString());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The rule with {@code triggered} set (exports carry the desired state this way, as eKuiper's do). */
    public RuleDef withTriggered(boolean on) {
        try {
            ObjectNode n = (ObjectNode) JSON.readTree(json);
            n.put("triggered", on);
            return new RuleDef(id, name, sql, actions, options, on, tags, version, n.toString());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The stored JSON as a tree (for GET /rules/{id}). */
    public JsonNode tree() {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
