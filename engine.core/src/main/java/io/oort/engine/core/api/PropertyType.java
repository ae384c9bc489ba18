package io.oort.engine.core.api;

/** The type of a connector property; values are converted to it before {@link Connector#provision}. */
public enum PropertyType {
    /** A string. */
    STRING,
    /** A whole number ({@code long}); numeric strings are accepted. */
    INTEGER,
    /** A floating-point number. */
    FLOAT,
    /** {@code true}/{@code false}; the strings "true"/"false" are accepted. */
    BOOLEAN,
    /** A duration: a number of milliseconds or a Go-style string such as {@code "1s"}, {@code "500ms"}, {@code "1m30s"}. */
    DURATION,
    /** A list (JSON array); a comma-separated string is accepted for lists of strings. */
    LIST,
    /** An object (JSON object / YAML map). */
    MAP,
    /** A string that is never shown back in metadata or logs (passwords, keys). */
    SECRET
}
