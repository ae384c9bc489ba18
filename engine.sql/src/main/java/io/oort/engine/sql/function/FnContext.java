package io.oort.engine.sql.function;

import java.time.ZoneId;
import java.util.Map;

/**
 * What built-in functions can know at runtime. Implemented by the runtime's evaluation context; functions must not
 * keep a reference to it beyond the call.
 */
public interface FnContext {

    /** The id of the rule evaluating the function. */
    String ruleId();

    /** The engine clock, epoch milliseconds (now(), current_timestamp...). */
    long nowMillis();

    /** The configured time zone ({@code basic.timezone}) for datetime functions. */
    ZoneId zone();

    /** When the rule last started, epoch milliseconds. */
    long ruleStartMillis();

    /** The current row's metadata value, or null. */
    Object meta(String key);

    /** All metadata of the current row (never null). */
    Map<String, Object> metaAll();

    /** The event time of the current row or, in a window aggregate, the window end; epoch milliseconds. */
    long eventTime();

    /** State shared by the rule's calls (keyed state, hit counters); never null. */
    Map<String, Object> ruleState();
}
