package io.oort.engine.core.api;

import java.util.List;
import java.util.Map;

import org.osgi.annotation.versioning.ProviderType;

/** One message for a sink: the encoded payload and/or the rows it came from. Implemented by the engine. */
@ProviderType
public interface SinkMessage {

    /** The encoded payload (format, template and compression applied), for sinks that declared {@link ConnectorDescriptor.Payload#BYTES}. */
    byte[] payload();

    /** The result rows of this message (one row when {@code sendSingle} is true), after {@code fields}/{@code dataField}. */
    List<Map<String, Object>> rows();

    /**
     * A sink property evaluated for this message: properties may be templates over the row
     * ({@code "topic": "devices/{{.deviceId}}"}). Returns the configured value when it is not a template, or null
     * when the property is not set.
     */
    String property(String name);

    /** Metadata of the input that produced the result, when the rule sets {@code sendMetaToSink}; else empty. */
    Map<String, Object> meta();
}
