package io.oort.engine.core.internal.format;

import io.oort.engine.sql.ast.StreamStatement;

/** The built-in formats by name (json, delimited, binary). */
public final class Formats {

    private Formats() {
    }

    /** Whether a FORMAT option names a format Oort can decode. */
    public static boolean isDecodable(String format) {
        return switch (format.toLowerCase()) {
            case "json", "delimited", "binary" -> true;
            default -> false;
        };
    }

    public static Decoder decoder(StreamStatement st) {
        return switch (st.options().format()) {
            case "delimited" -> new DelimitedDecoder(st);
            case "binary" -> new BinaryDecoder(st);
            default -> new JsonDecoder(st);
        };
    }

    public static Encoder encoder(String format, String delimiter, boolean hasHeader) {
        return switch (format.toLowerCase()) {
            case "json" -> JsonEncoder.INSTANCE;
            case "delimited" -> new DelimitedEncoder(delimiter, hasHeader);
            case "binary" -> BinaryEncoder.INSTANCE;
            default -> throw new IllegalArgumentException("format " + format + " is not supported by sinks");
        };
    }
}
