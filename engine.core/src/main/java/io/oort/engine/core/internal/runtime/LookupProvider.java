package io.oort.engine.core.internal.runtime;

import java.util.List;
import java.util.Map;

/** Answers lookup-table queries for a rule (backed by lookup connectors and the lookup cache). */
public interface LookupProvider {

    /**
     * Rows of the lookup table at {@code source} whose {@code keys} equal {@code values}.
     *
     * @throws io.oort.engine.sql.value.EvalException when the lookup fails; the row is reported as an error
     */
    List<Map<String, Object>> lookup(int source, List<String> keys, List<Object> values);
}
