package io.oort.engine.core.internal.plugin;

/**
 * A refused plugin operation, with the HTTP status the REST API answers (400 for a refused file or request, 404 for
 * an unknown plugin); the shell prints the message. Nothing was changed when this is thrown.
 */
public class PluginException extends Exception {
    private static final long serialVersionUID = 1L;

    private final int status;

    public PluginException(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public static PluginException badRequest(String message) {
        return new PluginException(400, message);
    }

    public static PluginException notFound(String message) {
        return new PluginException(404, message);
    }

    public int status() {
        return status;
    }
}
