package io.oort.engine.sql.value;

/** How far a conversion may go, as eKuiper's {@code cast.Strictness}. */
public enum Strictness {
    /** Only the same type (an integral float may become an integer). */
    STRICT,
    /** Between kinds of numbers; strings to bytes. */
    CONVERT_SAMEKIND,
    /** Anything that has a reasonable reading: strings are parsed, booleans become 0/1, null becomes zero. */
    CONVERT_ALL
}
