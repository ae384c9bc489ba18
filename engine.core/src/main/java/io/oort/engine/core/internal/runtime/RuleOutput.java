package io.oort.engine.core.internal.runtime;

import java.util.List;
import java.util.Map;

/** Where a rule's pipeline delivers its results. Called on the pipeline's thread. */
public interface RuleOutput {

    /**
     * One result: the rows of one event (non-window rules) or of one window. Rows are maps whose null values are
     * absent; the list may be empty for an empty window.
     */
    void emit(List<Map<String, Object>> rows);

    /** A runtime error of one event or window (eKuiper sends {@code {"error": message}} when sendError is on). */
    void error(String message);
}
