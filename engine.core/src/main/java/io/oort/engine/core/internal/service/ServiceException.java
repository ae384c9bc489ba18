package io.oort.engine.core.internal.service;

/**
 * A refused management request, with the HTTP status and eKuiper's error code the REST API answers with
 * (the shell prints the message). Codes: 1000 undefined, 1001 general, 1002 not found, 2001 parser, 2101 plan,
 * 2201 executor, 3000 stream/table, 4000 rule, 5000 conf key.
 */
public class ServiceException extends Exception {
    private static final long serialVersionUID = 1L;

    public static final int UNDEFINED = 1000;
    public static final int GENERAL = 1001;
    public static final int NOT_FOUND = 1002;
    public static final int PARSER = 2001;
    public static final int PLAN = 2101;
    public static final int EXECUTOR = 2201;
    public static final int STREAM = 3000;
    public static final int RULE = 4000;
    public static final int CONF_KEY = 5000;

    private final int status;
    private final int code;

    public ServiceException(int status, int code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    public static ServiceException badRequest(int code, String message) {
        return new ServiceException(400, code, message);
    }

    public static ServiceException notFound(String message) {
        return new ServiceException(404, NOT_FOUND, message);
    }

    public int status() {
        return status;
    }

    public int code() {
        return code;
    }
}
