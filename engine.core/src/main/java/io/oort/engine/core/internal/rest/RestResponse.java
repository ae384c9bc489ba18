package io.oort.engine.core.internal.rest;

/**
 * A handler's answer: a status and a body that is either plain text (eKuiper answers creations and deletions
 * with sentences) or an object written as JSON.
 */
public record RestResponse(int status, Object body, boolean text, String contentType) {

    public static RestResponse json(Object body) {
        return new RestResponse(200, body, false, null);
    }

    public static RestResponse json(int status, Object body) {
        return new RestResponse(status, body, false, null);
    }

    public static RestResponse text(String body) {
        return new RestResponse(200, body, true, null);
    }

    public static RestResponse text(int status, String body) {
        return new RestResponse(status, body, true, null);
    }

    /** A body sent as is with its own content type (Prometheus text, explain output). */
    public static RestResponse raw(int status, String body, String contentType) {
        return new RestResponse(status, body, true, contentType);
    }

    public static RestResponse empty() {
        return new RestResponse(200, "", true, null);
    }
}
