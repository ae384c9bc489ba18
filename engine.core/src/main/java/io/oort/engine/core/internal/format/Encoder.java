package io.oort.engine.core.internal.format;

import java.util.List;
import java.util.Map;

/** Turns result rows into a sink payload. Safe to share between threads. */
public interface Encoder {

    /** Encodes the rows of one result (sendSingle=false): for JSON an array of objects. */
    byte[] encodeRows(List<Map<String, Object>> rows);

    /** Encodes one row (sendSingle=true): for JSON an object. */
    byte[] encodeRow(Map<String, Object> row);

    /** Encodes an arbitrary value (the output of a data template or dataField). */
    byte[] encodeValue(Object value);
}
