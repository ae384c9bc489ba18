package io.oort.engine.core.internal.management;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.oort.engine.core.internal.catalog.StreamCatalog;
import io.oort.engine.core.internal.connector.ConfKeys;
import io.oort.engine.core.internal.rule.RuleDef;
import io.oort.engine.sql.ast.SourceRef;
import io.oort.engine.sql.ast.StreamStatement;
import io.oort.engine.sql.parser.ParseException;
import io.oort.engine.sql.parser.SqlParser;

/** What a rule depends on: the streams and tables it reads and the connections its sources and sinks select. */
final class Dependencies {

    static final String SELECTOR = "connectionSelector";

    private Dependencies() {
    }

    /** The definitions of the streams and tables the rule reads (unknown names are left out). */
    static List<StreamStatement> streams(RuleDef def, StreamCatalog catalog) {
        List<StreamStatement> out = new ArrayList<>();
        try {
            for (SourceRef ref : SqlParser.parseSelect(def.sql()).sources()) {
                StreamStatement st = catalog.lookup(ref.name());
                if (st != null && !out.contains(st)) {
                    out.add(st);
                }
            }
        } catch (ParseException e) {
            // an unparsable rule reads nothing
        }
        return out;
    }

    /** The connection selectors a stream's source uses (through its conf keys or EXTRA). */
    static Set<String> sourceSelectors(StreamStatement st, ConfKeys confKeys) {
        Set<String> out = new LinkedHashSet<>();
        try {
            add(out, confKeys.sourceProps(st.options().type(), st.options().confKey()));
        } catch (IllegalArgumentException e) {
            // a missing conf key selects nothing
        }
        String extra = st.options().extra();
        if (extra != null && extra.contains(SELECTOR)) {
            try {
                add(out, new com.fasterxml.jackson.databind.ObjectMapper().readValue(extra, Map.class));
            } catch (java.io.IOException e) {
                // invalid EXTRA selects nothing
            }
        }
        return out;
    }

    /** The connection selectors a sink action uses (its own properties or its resourceId conf key). */
    static Set<String> sinkSelectors(RuleDef.Action a, ConfKeys confKeys) {
        Set<String> out = new LinkedHashSet<>();
        Object rid = a.props().get("resourceId");
        if (rid != null) {
            try {
                add(out, confKeys.sinkProps(a.type(), String.valueOf(rid)));
            } catch (IllegalArgumentException e) {
                // a missing resource selects nothing
            }
        }
        add(out, a.props());
        return out;
    }

    private static void add(Set<String> out, Map<?, ?> props) {
        Object sel = props.get(SELECTOR);
        if (sel != null && !String.valueOf(sel).isEmpty()) {
            out.add(String.valueOf(sel));
        }
    }

    /** Whether a selector names the connection {@code id} of type {@code type} ("type.id" or plain "id"). */
    static boolean selects(String selector, String type, String id) {
        return selector.equals(id) || selector.equalsIgnoreCase(type + "." + id);
    }
}
