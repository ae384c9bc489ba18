package io.oort.engine.core.internal.format;

import java.util.Map;

import io.oort.engine.sql.ast.StreamStatement;

/** The built-in formats by name (json, delimited, binary, urlencoded). */
public final class Formats {

    private Formats() {
    }

    /** Whether a FORMAT option names a built-in format. */
    public static boolean isBuiltin(String format) {
        return switch (format.toLowerCase(java.util.Locale.ROOT)) {
            case "json", "delimited", "binary", "urlencoded" -> true;
            default -> false;
        };
    }

    /** Whether a FORMAT option names a built-in format (plugin formats: {@link FormatRegistry#knows}). */
    public static boolean isDecodable(String format) {
        return isBuiltin(format);
    }

    /**
     * The decoder of a stream: built in, or the plugin format's decoder with the stream's schema applied.
     *
     * @throws FormatRegistry.Missing when the format is not installed (the rule waits for it)
     * @throws io.oort.engine.core.api.format.FormatException when the plugin refuses the stream
     */
    public static Decoder decoder(StreamStatement st, FormatRegistry formats)
            throws FormatRegistry.Missing, io.oort.engine.core.api.format.FormatException {
        return decoder(st, formats, java.time.ZoneId.systemDefault());
    }

    /**
     * As {@link #decoder(StreamStatement, FormatRegistry)}; {@code zone} reads DATETIME strings without an offset
     * under STRICT_VALIDATION.
     */
    public static Decoder decoder(StreamStatement st, FormatRegistry formats, java.time.ZoneId zone)
            throws FormatRegistry.Missing, io.oort.engine.core.api.format.FormatException {
        String f = st.options().format();
        if (isBuiltin(f)) {
            return decoder(st, zone);
        }
        FormatRegistry.Entry e = formats.find(f);
        if (e == null) {
            throw new FormatRegistry.Missing(f.toLowerCase(java.util.Locale.ROOT));
        }
        StrictSchema strict = StrictSchema.of(st, zone);
        Decoder d = PluginFormat.decoder(e, st, strict != null);
        return strict == null ? d : StrictSchema.wrap(d, strict);
    }

    /**
     * The encoder of a sink: built in, or the plugin format's encoder.
     *
     * @param sinkProps the sink's properties (a plugin encoder sees them)
     */
    public static Encoder encoder(String format, String delimiter, boolean hasHeader, Map<String, Object> sinkProps,
            FormatRegistry formats) throws FormatRegistry.Missing, io.oort.engine.core.api.format.FormatException {
        if (isBuiltin(format)) {
            return encoder(format, delimiter, hasHeader);
        }
        FormatRegistry.Entry e = formats.find(format);
        if (e == null) {
            throw new FormatRegistry.Missing(format.toLowerCase(java.util.Locale.ROOT));
        }
        return PluginFormat.encoder(e, sinkProps);
    }

    public static Decoder decoder(StreamStatement st) {
        return decoder(st, java.time.ZoneId.systemDefault());
    }

    /** A built-in format's decoder, with the stream's STRICT_VALIDATION applied when it asks for it. */
    public static Decoder decoder(StreamStatement st, java.time.ZoneId zone) {
        StrictSchema strict = StrictSchema.of(st, zone);
        boolean mark = strict != null;
        Decoder d = switch (st.options().format()) {
            case "delimited" -> new DelimitedDecoder(st, mark);
            case "binary" -> new BinaryDecoder(st);
            case "urlencoded" -> new UrlEncoded.Dec(st, mark);
            default -> new JsonDecoder(st, true, mark);
        };
        return strict == null ? d : StrictSchema.wrap(d, strict);
    }

    public static Encoder encoder(String format, String delimiter, boolean hasHeader) {
        return switch (format.toLowerCase()) {
            case "json" -> JsonEncoder.INSTANCE;
            case "delimited" -> new DelimitedEncoder(delimiter, hasHeader);
            case "binary" -> BinaryEncoder.INSTANCE;
            case "urlencoded" -> UrlEncoded.ENCODER;
            default -> throw new IllegalArgumentException("format " + format + " is not supported by sinks");
        };
    }
}
