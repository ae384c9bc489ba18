package io.oort.engine.core.embed;

import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import io.oort.engine.core.internal.rule.RuleOptions;
import io.oort.engine.sql.analyzer.AnalysisException;
import io.oort.engine.sql.analyzer.AnalyzedQuery;
import io.oort.engine.sql.analyzer.Analyzer;
import io.oort.engine.sql.ast.CatalogStatement;
import io.oort.engine.sql.ast.SelectStatement;
import io.oort.engine.sql.ast.Statement;
import io.oort.engine.sql.ast.StreamStatement;
import io.oort.engine.sql.function.FunctionRegistry;
import io.oort.engine.sql.parser.ParseException;
import io.oort.engine.sql.parser.SqlParser;

/**
 * An embedded Oort engine: a catalog of streams and tables, the built-in functions, and rules driven by the
 * caller. Processing time is the engine's clock, which the caller sets with {@link #setTime} (or each rule's
 * {@link RuleHandle#advanceTime}).
 */
public final class Oort implements AutoCloseable {

    private final Map<String, StreamStatement> catalog = new ConcurrentHashMap<>();
    private final FunctionRegistry functions;
    private final AtomicLong clock = new AtomicLong();
    private ZoneId zone = ZoneId.systemDefault();
    private boolean ignoreCase;

    private Oort(FunctionRegistry functions) {
        this.functions = functions;
    }

    /** An engine with the built-in functions; its clock starts at the current wall-clock time. */
    public static Oort create() {
        Oort o = new Oort(FunctionRegistry.withBuiltins());
        o.clock.set(System.currentTimeMillis());
        return o;
    }

    /** The time zone of datetime functions and of window alignment to days and hours. */
    public Oort zone(ZoneId z) {
        this.zone = z;
        return this;
    }

    /** Case-insensitive column names ({@code basic.ignoreCase}). */
    public Oort ignoreCase(boolean on) {
        this.ignoreCase = on;
        return this;
    }

    /** Sets the engine clock (epoch ms) used as processing time by rules created afterwards and by count windows. */
    public void setTime(long millis) {
        clock.set(millis);
    }

    public long time() {
        return clock.get();
    }

    /** Runs CREATE STREAM / CREATE TABLE / DROP STREAM / DROP TABLE. */
    public void execute(String sql) throws OortException {
        Statement s;
        try {
            s = SqlParser.parse(sql);
        } catch (ParseException e) {
            throw new OortException(e.getMessage(), e);
        }
        if (s instanceof StreamStatement st) {
            if (catalog.putIfAbsent(st.name(), st) != null) {
                throw new OortException((st.table() ? "table " : "stream ") + st.name() + " already exists");
            }
        } else if (s instanceof CatalogStatement cs && cs.verb() == CatalogStatement.Verb.DROP) {
            if (catalog.remove(cs.name()) == null) {
                throw new OortException((cs.table() ? "table " : "stream ") + cs.name() + " is not found");
            }
        } else {
            throw new OortException("only CREATE and DROP statements can be executed; rules are created with rule()");
        }
    }

    /** The definition of a stream or table, or null. */
    public StreamStatement stream(String name) {
        return catalog.get(name);
    }

    /**
     * Creates and starts a rule.
     *
     * @param options eKuiper rule options ({@code isEventTime}, {@code lateTolerance}, ...); may be empty
     */
    public RuleHandle rule(String id, String sql, Map<String, Object> options, ResultListener listener)
            throws OortException {
        SelectStatement s;
        try {
            s = SqlParser.parseSelect(sql);
        } catch (ParseException e) {
            throw new OortException(e.getMessage(), e);
        }
        AnalyzedQuery q;
        try {
            q = new Analyzer(catalog::get, functions, ignoreCase).analyze(s);
        } catch (AnalysisException e) {
            throw new OortException(e.getMessage(), e);
        }
        RuleOptions opts;
        try {
            opts = RuleOptions.parse(options, Map.of());
        } catch (IllegalArgumentException e) {
            throw new OortException(e.getMessage(), e);
        }
        return new RuleHandle(id, q, opts, listener, clock, zone);
    }

    @Override
    public void close() {
        catalog.clear();
    }
}
