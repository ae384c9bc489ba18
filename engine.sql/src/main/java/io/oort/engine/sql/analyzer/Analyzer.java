package io.oort.engine.sql.analyzer;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import io.oort.engine.sql.analyzer.AnalyzedQuery.AggregateCall;
import io.oort.engine.sql.analyzer.AnalyzedQuery.AnalyticCall;
import io.oort.engine.sql.analyzer.AnalyzedQuery.FieldKind;
import io.oort.engine.sql.analyzer.AnalyzedQuery.OutputField;
import io.oort.engine.sql.analyzer.AnalyzedQuery.Sort;
import io.oort.engine.sql.analyzer.AnalyzedQuery.WindowSpec;
import io.oort.engine.sql.ast.Call;
import io.oort.engine.sql.ast.Expr;
import io.oort.engine.sql.ast.Field;
import io.oort.engine.sql.ast.FieldRef;
import io.oort.engine.sql.ast.Join;
import io.oort.engine.sql.ast.SelectStatement;
import io.oort.engine.sql.ast.SortField;
import io.oort.engine.sql.ast.SourceRef;
import io.oort.engine.sql.ast.StreamStatement;
import io.oort.engine.sql.ast.Window;
import io.oort.engine.sql.ast.Wildcard;
import io.oort.engine.sql.eval.Evaluator;
import io.oort.engine.sql.eval.ExprCompiler;
import io.oort.engine.sql.function.FunctionDef;
import io.oort.engine.sql.function.FunctionKind;
import io.oort.engine.sql.function.FunctionRegistry;
import io.oort.engine.sql.value.EvalException;

/**
 * Checks a rule's SELECT against the catalog and the functions, with eKuiper's error messages, and compiles it.
 */
public final class Analyzer {

    private final Catalog catalog;
    private final FunctionRegistry functions;
    private final boolean ignoreCase;

    public Analyzer(Catalog catalog, FunctionRegistry functions, boolean ignoreCase) {
        this.catalog = catalog;
        this.functions = functions;
        this.ignoreCase = ignoreCase;
    }

    public AnalyzedQuery analyze(SelectStatement s) throws AnalysisException {
        List<SourceInfo> sources = sources(s);
        Binder binder = new Binder(sources, s.fields(), functions, ignoreCase);
        for (Field f : s.fields()) {
            Binder.rejectWindow(f.expr(), "SELECT");
            binder.bindField(f);
        }
        for (Join j : s.joins()) {
            Binder.rejectWindow(j.on(), "ON");
            binder.bindClause(j.on());
        }
        Binder.rejectWindow(s.where(), "WHERE");
        binder.bindClause(s.where());
        for (Expr g : s.groupBy()) {
            binder.bindClause(g);
        }
        Window w = s.window();
        if (w != null) {
            for (Expr e : new Expr[] {w.filter(), w.trigger(), w.begin(), w.emit(), w.single()}) {
                binder.bindClause(e);
            }
            for (Expr e : w.partition()) {
                binder.bindClause(e);
            }
        }
        Binder.rejectWindow(s.having(), "HAVING");
        binder.bindClause(s.having());
        for (SortField sf : s.orderBy()) {
            Binder.rejectWindow(sf.expr(), "ORDER BY");
            binder.bindClause(sf.expr());
        }
        Checks.check(s, sources);
        return compile(s, sources);
    }

    private List<SourceInfo> sources(SelectStatement s) throws AnalysisException {
        List<SourceInfo> out = new ArrayList<>();
        for (SourceRef ref : s.sources()) {
            StreamStatement st = catalog.lookup(ref.name());
            if (st == null) {
                throw new AnalysisException("fail to get stream " + ref.name() + ", please check if stream is created",
                        ref.pos());
            }
            out.add(new SourceInfo(out.size(), ref, st));
        }
        return out;
    }

    private AnalyzedQuery compile(SelectStatement s, List<SourceInfo> sources) throws AnalysisException {
        Map<Call, Integer> analyticSlots = new IdentityHashMap<>();
        List<Call> analyticCalls = new ArrayList<>();
        Map<Call, Integer> aggSlots = new IdentityHashMap<>();
        List<Call> aggCalls = new ArrayList<>();
        List<Call> whereAggCalls = new ArrayList<>();

        List<Expr> all = new ArrayList<>();
        s.expressions(all::add);
        for (Expr e : all) {
            collectAnalytics(e, analyticSlots, analyticCalls);
        }
        for (Field f : s.fields()) {
            collectAggregates(f.expr(), aggSlots, aggCalls);
        }
        boolean selectAggregates = !aggCalls.isEmpty();
        collectAggregates(s.having(), aggSlots, aggCalls);
        for (SortField sf : s.orderBy()) {
            collectAggregates(sf.expr(), aggSlots, aggCalls);
        }
        collectAggregates(s.where(), aggSlots, whereAggCalls);

        ExprCompiler.Env env = new ExprCompiler.Env() {
            @Override
            public int sourceCount() {
                return sources.size();
            }

            @Override
            public Integer aggregateSlot(Call call) {
                return aggSlots.get(call);
            }

            @Override
            public Integer analyticSlot(Call call) {
                return analyticSlots.get(call);
            }
        };
        ExprCompiler cc = new ExprCompiler(env);
        try {
            List<OutputField> fields = new ArrayList<>();
            for (Field f : s.fields()) {
                fields.add(new OutputField(f.outputName(), cc.compile(f.expr()), kindOf(f), f.invisible()));
            }
            List<Evaluator> joins = new ArrayList<>();
            for (Join j : s.joins()) {
                joins.add(j.on() == null ? null : cc.compile(j.on()));
            }
            WindowSpec ws = null;
            Window w = s.window();
            if (w != null) {
                ws = new WindowSpec(w, opt(cc, w.filter()), opt(cc, w.trigger()), cc.compileAll(w.partition()),
                        opt(cc, w.begin()), opt(cc, w.emit()), opt(cc, w.single()));
            }
            List<Sort> sorts = new ArrayList<>();
            for (SortField sf : s.orderBy()) {
                sorts.add(new Sort(cc.compile(sf.expr()), sf.ascending()));
            }
            List<AggregateCall> aggs = new ArrayList<>();
            for (Call c : aggCalls) {
                aggs.add(new AggregateCall(aggSlots.get(c), (FunctionDef) c.function(), aggregateArgs(cc, c), c));
            }
            List<AggregateCall> whereAggs = new ArrayList<>();
            for (Call c : whereAggCalls) {
                whereAggs.add(new AggregateCall(aggSlots.get(c), (FunctionDef) c.function(), aggregateArgs(cc, c), c));
            }
            List<AnalyticCall> analytics = new ArrayList<>();
            for (Call c : analyticCalls) {
                analytics.add(new AnalyticCall(analyticSlots.get(c), (FunctionDef) c.function(), cc.args(c),
                        cc.compileAll(c.partition()), opt(cc, c.when()), c));
            }
            boolean aggregate = !aggCalls.isEmpty() || !s.groupBy().isEmpty();
            List<AnalyzedQuery.LookupJoin> lookups = new ArrayList<>();
            for (int j = 0; j < s.joins().size(); j++) {
                SourceInfo src = sources.get(j + 1);
                if (src.isLookupTable()) {
                    lookups.add(LookupJoins.extract(s.joins().get(j), j, src, cc));
                }
            }
            return new AnalyzedQuery(s, sources, fields, opt(cc, s.where()), joins, ws, cc.compileAll(s.groupBy()),
                    opt(cc, s.having()), sorts, s.limit(), aggs, whereAggs, analytics, aggregate, selectAggregates,
                    lookups);
        } catch (EvalException e) {
            throw new AnalysisException(e.getMessage(), s.pos());
        }
    }

    private static Evaluator opt(ExprCompiler cc, Expr e) {
        return e == null ? null : cc.compile(e);
    }

    /** Aggregate arguments as eKuiper passes them: count(*) counts rows, deduplicate also gets the rows. */
    private static Evaluator[] aggregateArgs(ExprCompiler cc, Call c) {
        List<Expr> args = c.args();
        if ("count".equals(c.name()) && args.size() == 1 && args.get(0) instanceof Wildcard) {
            return new Evaluator[] {ExprCompiler.constant(Boolean.TRUE)};
        }
        Evaluator[] out = cc.args(c);
        if ("deduplicate".equals(c.name())) {
            Evaluator[] withRow = new Evaluator[out.length + 1];
            withRow[0] = ExprCompiler.rowMap();
            System.arraycopy(out, 0, withRow, 1, out.length);
            return withRow;
        }
        return out;
    }

    private static FieldKind kindOf(Field f) {
        if (f.isWildcard()) {
            return FieldKind.EXPAND;
        }
        if (f.expr() instanceof Call c && c.function() instanceof FunctionDef d) {
            if (d.kind() == FunctionKind.SRF) {
                return FieldKind.SRF;
            }
            if (d.kind() == FunctionKind.COLS) {
                return FieldKind.COLS;
            }
        }
        return FieldKind.VALUE;
    }

    /** Analytic calls, inner calls first, including those reached through aliases. */
    private static void collectAnalytics(Expr e, Map<Call, Integer> slots, List<Call> out) {
        if (e == null) {
            return;
        }
        e.children(ch -> collectAnalytics(ch, slots, out));
        if (e instanceof FieldRef f && f.aliasOf() != null) {
            return; // the aliased field is collected on its own
        }
        if (e instanceof Call c && c.function() instanceof FunctionDef d && d.kind() == FunctionKind.ANALYTIC
                && !slots.containsKey(c)) {
            slots.put(c, slots.size());
            out.add(c);
        }
    }

    /** Aggregate calls, reached through aliases too; each call gets one slot. */
    private static void collectAggregates(Expr e, Map<Call, Integer> slots, List<Call> out) {
        if (e == null) {
            return;
        }
        if (e instanceof FieldRef f && f.aliasOf() != null) {
            collectAggregates(f.aliasOf().expr(), slots, out);
            return;
        }
        if (e instanceof Call c && c.function() instanceof FunctionDef d && d.kind() == FunctionKind.AGGREGATE) {
            if (!slots.containsKey(c)) {
                slots.put(c, slots.size());
                out.add(c);
            }
            return;
        }
        e.children(ch -> collectAggregates(ch, slots, out));
    }
}
