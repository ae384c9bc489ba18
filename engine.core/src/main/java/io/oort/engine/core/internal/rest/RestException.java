package io.oort.engine.core.internal.rest;

/**
 * An error answered to a REST client with eKuiper's body {@code {"error": code, "message": "..."}}.
 * Codes follow eKuiper: 1000 undefined, 1001 general, 1002 not found, 1003 IO, 1004 converter, 2001 parser,
 * 2101 plan, 2201 executor, 3000 stream, 4000 rule, 5000 conf key.
 */
public class RestException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public static final int UNDEFINED = 1000;
    public static final int GENERAL = 1001;
    public static final int NOT_FOUND = 1002;
    public static final int IO = 1003;
    public static final int CONVERTER = 1004;
    public static final int PARSER = 2001;
    public static final int PLAN = 2101;
    public static final int EXECUTOR = 2201;
    public static final int STREAM = 3000;
    public static final int RULE = 4000;
    public static final int CONF_KEY = 5000;

    private final int status;
    private final int code;

    public RestException(int status, int code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    public static RestException badRequest(int code, String message) {
        return new RestException(400, code, message);
    }

    public static RestException notFound(String message) {
        return new RestException(404, NOT_FOUND, message);
    }

    public int status() {
        return status;
    }

    public int code() {
        return code;
    }
}
