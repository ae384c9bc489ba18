package io.oort.engine.core.dialect;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** The conformance runner's comparison: numbers with relative tolerance 1e-9, key order ignored, three modes. */
final class Compare {

    private Compare() {
    }

    static String compare(List<JsonNode> expected, List<JsonNode> got, String mode) {
        String head = "expected " + expected.size() + " message(s), got " + got.size() + " [" + mode + "]";
        String both = "\nexpected: " + expected + "\ngot:      " + got;
        switch (mode) {
            case "unordered-messages":
                return multiset(expected, got) ? null : head + both;
            case "unordered-rows":
                return multiset(rows(expected), rows(got)) ? null : head + both;
            default:
                if (expected.size() != got.size()) {
                    return head + both;
                }
                for (int i = 0; i < expected.size(); i++) {
                    if (!equal(expected.get(i), got.get(i))) {
                        return head + "\nfirst difference in message " + i + both;
                    }
                }
                return null;
        }
    }

    private static List<JsonNode> rows(List<JsonNode> messages) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode m : messages) {
            if (m.isArray()) {
                m.forEach(out::add);
            } else {
                out.add(m);
            }
        }
        return out;
    }

    private static boolean multiset(List<JsonNode> a, List<JsonNode> b) {
        if (a.size() != b.size()) {
            return false;
        }
        List<JsonNode> rest = new ArrayList<>(b);
        for (JsonNode x : a) {
            boolean found = false;
            for (Iterator<JsonNode> it = rest.iterator(); it.hasNext();) {
                if (equal(x, it.next())) {
                    it.remove();
                    found = true;
                    break;
                }
            }
            if (!found) {
                return false;
            }
        }
        return true;
    }

    static boolean equal(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            if (a.isIntegralNumber() && b.isIntegralNumber()) {
                return a.bigIntegerValue().equals(b.bigIntegerValue());
            }
            double x = a.doubleValue();
            double y = b.doubleValue();
            return x == y || Math.abs(x - y) <= 1e-9 * Math.max(Math.abs(x), Math.abs(y));
        }
        if (a.isObject() && b.isObject()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = a.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!b.has(e.getKey()) || !equal(e.getValue(), b.get(e.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        if (a.isArray() && b.isArray()) {
            if (a.size() != b.size()) {
                return false;
            }
            for (int i = 0; i < a.size(); i++) {
                if (!equal(a.get(i), b.get(i))) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }
}
