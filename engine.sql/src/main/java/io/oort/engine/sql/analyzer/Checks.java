package io.oort.engine.sql.analyzer;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import io.oort.engine.sql.ast.BinaryExpr;
import io.oort.engine.sql.ast.Call;
import io.oort.engine.sql.ast.Expr;
import io.oort.engine.sql.ast.Field;
import io.oort.engine.sql.ast.FieldRef;
import io.oort.engine.sql.ast.Join;
import io.oort.engine.sql.ast.Literal;
import io.oort.engine.sql.ast.ParenExpr;
import io.oort.engine.sql.ast.SelectStatement;
import io.oort.engine.sql.ast.SortField;
import io.oort.engine.sql.function.FunctionDef;
import io.oort.engine.sql.function.FunctionKind;

/** The statement-level rules eKuiper's planner enforces (analyzer.go, sqlValidator.go), with its messages. */
final class Checks {

    private Checks() {
    }

    static void check(SelectStatement s, List<SourceInfo> sources) throws AnalysisException {
        aliasCycles(s);
        if (!s.groupBy().isEmpty() && s.window() == null) {
            throw new AnalysisException("select stmt group by should be used with window", s.pos());
        }
        if (!s.joins().isEmpty() && s.window() == null) {
            long streams = sources.stream().filter(src -> !src.isTable()).count();
            if (streams > 1) {
                throw new AnalysisException("a time window or count window is required to join multiple streams",
                        s.pos());
            }
        }
        for (Join j : s.joins()) {
            SourceInfo src = sources.get(s.joins().indexOf(j) + 1);
            if (src.isLookupTable() && j.on() == null) {
                throw new AnalysisException("join condition " + j + " is invalid, at least one equi-join predicate is "
                        + "required", j.pos());
            }
        }
        if (sources.get(0).isTable()) {
            throw new AnalysisException("cannot use table " + sources.get(0).name()
                    + " as the main source of a rule; FROM must name a stream", s.source().pos());
        }
        for (Expr g : s.groupBy()) {
            Call agg = firstOfKind(g, FunctionKind.AGGREGATE);
            if (agg != null) {
                throw new AnalysisException("Not allowed to call aggregate functions in GROUP BY clause: " + g + ".",
                        g.pos());
            }
        }
        boolean aggStmt = !s.groupBy().isEmpty() || !s.joins().isEmpty();
        List<Expr> all = new java.util.ArrayList<>();
        s.expressions(all::add);
        for (Expr e : all) {
            nested(e, aggStmt);
        }
        if (s.having() != null && !allAggregate(s.having())) {
            throw new AnalysisException("Not allowed to call non-aggregate functions in HAVING clause: " + s.having()
                    + ".", s.having().pos());
        }
        placement(s);
    }

    private static void aliasCycles(SelectStatement s) throws AnalysisException {
        for (Field f : s.fields()) {
            if (f.alias() != null && reaches(f.expr(), f, new IdentityHashMap<>())) {
                throw new AnalysisException("select fields have cycled alias", f.pos());
            }
        }
    }

    private static boolean reaches(Expr e, Field target, Map<Field, Boolean> seen) {
        boolean[] hit = new boolean[1];
        e.walk(n -> {
            if (hit[0]) {
                return false;
            }
            if (n instanceof FieldRef r && r.aliasOf() != null) {
                Field a = r.aliasOf();
                if (a == target) {
                    hit[0] = true;
                } else if (seen.put(a, Boolean.TRUE) == null && reaches(a.expr(), target, seen)) {
                    hit[0] = true;
                }
            }
            return !hit[0];
        });
        return hit[0];
    }

    private static void nested(Expr e, boolean aggStmt) throws AnalysisException {
        AnalysisException[] err = new AnalysisException[1];
        e.walk(n -> {
            if (err[0] != null) {
                return false;
            }
            if (n instanceof Call c && c.function() instanceof FunctionDef d) {
                if (d.kind() == FunctionKind.AGGREGATE) {
                    for (Expr a : c.args()) {
                        if (firstOfKind(a, FunctionKind.AGGREGATE) != null) {
                            err[0] = new AnalysisException("invalid argument for func " + c.name()
                                    + ": aggregate argument is not allowed", c.pos());
                            return false;
                        }
                    }
                }
                if (aggStmt && ("last_hit_count".equals(c.name()) || "last_hit_time".equals(c.name()))) {
                    err[0] = new AnalysisException("function " + c.name() + " is not allowed in an aggregate query",
                            c.pos());
                    return false;
                }
            }
            return true;
        });
        if (err[0] != null) {
            throw err[0];
        }
    }

    /** HAVING may combine aggregates, literals and operators, but no bare column or scalar call. */
    private static boolean allAggregate(Expr e) {
        if (e instanceof BinaryExpr b) {
            return switch (b.op()) {
                case SUBSET, ARROW -> isAggregate(b);
                default -> allAggregate(b.lhs()) && allAggregate(b.rhs());
            };
        }
        if (e instanceof ParenExpr p) {
            return allAggregate(p.expr());
        }
        if (e instanceof Call || e instanceof FieldRef) {
            return isAggregate(e);
        }
        return true;
    }

    private static boolean isAggregate(Expr e) {
        if (e instanceof FieldRef f) {
            return f.aliasOf() != null && isAggregate(f.aliasOf().expr());
        }
        if (e instanceof Literal) {
            return true;
        }
        return firstOfKind(e, FunctionKind.AGGREGATE) != null || aliasToAggregate(e);
    }

    private static boolean aliasToAggregate(Expr e) {
        boolean[] hit = new boolean[1];
        e.walk(n -> {
            if (n instanceof FieldRef f && f.aliasOf() != null && isAggregate(f.aliasOf().expr())) {
                hit[0] = true;
            }
            return !hit[0];
        });
        return hit[0];
    }

    static Call firstOfKind(Expr e, FunctionKind kind) {
        if (e == null) {
            return null;
        }
        Call[] found = new Call[1];
        e.walk(n -> {
            if (found[0] == null && n instanceof Call c && c.function() instanceof FunctionDef d && d.kind() == kind) {
                found[0] = c;
            }
            return found[0] == null;
        });
        return found[0];
    }

    private static void placement(SelectStatement s) throws AnalysisException {
        int srfs = 0;
        for (Field f : s.fields()) {
            Call top = f.expr() instanceof Call c ? c : null;
            for (FunctionKind k : new FunctionKind[] {FunctionKind.SRF, FunctionKind.COLS}) {
                Call inner = firstOfKind(f.expr(), k);
                if (inner != null && inner != top) {
                    throw new AnalysisException(k == FunctionKind.SRF
                            ? "select clause shouldn't has nested set-returning-functions"
                            : "function " + inner.name() + " can only be used inside the select clause", inner.pos());
                }
            }
            if (top != null && top.function() instanceof FunctionDef d && d.kind() == FunctionKind.SRF) {
                srfs++;
            }
        }
        if (srfs > 1) {
            throw new AnalysisException("select clause shouldn't has multi set-returning-functions", s.pos());
        }
        List<Expr> others = new java.util.ArrayList<>();
        for (Join j : s.joins()) {
            others.add(j.on());
        }
        others.add(s.where());
        others.addAll(s.groupBy());
        others.add(s.having());
        for (SortField sf : s.orderBy()) {
            others.add(sf.expr());
        }
        for (Expr e : others) {
            Call srf = firstOfKind(e, FunctionKind.SRF);
            if (srf != null) {
                throw new AnalysisException("select statement shouldn't has srf except fields", srf.pos());
            }
            Call cols = firstOfKind(e, FunctionKind.COLS);
            if (cols != null) {
                throw new AnalysisException("function " + cols.name() + " can only be used inside the select clause",
                        cols.pos());
            }
            Call rn = firstOfKind(e, FunctionKind.WINDOW);
            if (rn != null && "row_number".equals(rn.name())) {
                throw new AnalysisException("window functions can only be in select fields", rn.pos());
            }
        }
    }
}
