package io.oort.engine.core.embed;

import java.util.List;
import java.util.Map;

/** Receives a rule's results, on the thread that pushed the input or advanced time. */
@FunctionalInterface
public interface ResultListener {

    /** One result: the rows of one event (rules without window) or of one window; rows omit null columns. */
    void onResult(List<Map<String, Object>> rows);

    /** A runtime error of one event or window; the rule keeps running. */
    default void onError(String message) {
    }
}
