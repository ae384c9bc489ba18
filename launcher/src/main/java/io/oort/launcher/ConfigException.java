package io.oort.launcher;

/** A configuration value Oort cannot start with; the message names the file, the key and the value. */
public class ConfigException extends Exception {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }
}
