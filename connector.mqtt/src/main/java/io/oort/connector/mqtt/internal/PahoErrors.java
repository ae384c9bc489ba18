package io.oort.connector.mqtt.internal;

/** Turns Paho exceptions into one-line messages for status reports and errors. */
final class PahoErrors {
    private PahoErrors() {
    }

    static String describe(Throwable t) {
        if (t == null) {
            return "connection lost";
        }
        String msg = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        // Paho's own messages are generic ("Unable to connect to server"): the cause says what really happened.
        Throwable cause = t.getCause();
        while (cause != null && cause != t) {
            if (cause.getMessage() != null && !msg.contains(cause.getMessage())) {
                msg = msg + ": " + cause.getMessage();
            }
            t = cause;
            cause = cause.getCause();
        }
        return msg;
    }
}
