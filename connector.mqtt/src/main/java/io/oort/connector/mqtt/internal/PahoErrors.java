package io.oort.connector.mqtt.internal;

/** Turns Paho exceptions into one-line messages for status reports and errors. */
final class PahoErrors {
    private PahoErrors() {
    }

    static String describe(Throwable t) {
        if (t == null) {
            return "connection lost";
        }
        String msg = t.getMessage();
        // Paho's own messages are generic ("Unable to connect to server", or just "MqttException" when it wraps
        // an I/O error): the causes say what really happened.
        if (msg == null || msg.equals(t.getClass().getSimpleName())) {
            msg = null;
        }
        for (Throwable c = t.getCause(); c != null && c != t; t = c, c = c.getCause()) {
            String cm = c.getMessage();
            if (cm != null && (msg == null || !msg.contains(cm))) {
                msg = msg == null ? cm : msg + ": " + cm;
            }
        }
        return msg != null ? msg : t.getClass().getSimpleName();
    }
}
