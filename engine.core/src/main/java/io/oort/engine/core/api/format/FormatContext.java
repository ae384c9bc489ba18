package io.oort.engine.core.api.format;

import java.util.List;
import java.util.Map;

import org.osgi.annotation.versioning.ProviderType;

/** Where a decoder or encoder is used. */
@ProviderType
public interface FormatContext {

    /** The format name as written (lower case). */
    String format();

    /** The SCHEMAID stream option or {@code schemaId} sink property, empty when not given. */
    String schemaId();

    /** The declared field names of the stream in order; empty for a schemaless stream and for sinks. */
    List<String> fields();

    /**
     * The stream's WITH options (upper-case names, e.g. DELIMITER) for a decoder, or the sink's properties for an
     * encoder. Read-only.
     */
    Map<String, Object> properties();
}
