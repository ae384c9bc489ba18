package io.oort.engine.sql.analyzer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.oort.engine.sql.ast.BinaryExpr;
import io.oort.engine.sql.ast.BinaryOp;
import io.oort.engine.sql.ast.Expr;
import io.oort.engine.sql.ast.FieldRef;
import io.oort.engine.sql.ast.Join;
import io.oort.engine.sql.ast.ParenExpr;
import io.oort.engine.sql.eval.Evaluator;
import io.oort.engine.sql.eval.ExprCompiler;

/**
 * Splits a lookup-table join condition as eKuiper's LookupPlan does: the AND-ed equalities between a column of the
 * table and an expression over the other sources become lookup keys and values; what remains is filtered after.
 */
final class LookupJoins {

    private LookupJoins() {
    }

    static AnalyzedQuery.LookupJoin extract(Join join, int joinIndex, SourceInfo table, ExprCompiler cc)
            throws AnalysisException {
        if (join.type() != Join.Type.INNER && join.type() != Join.Type.LEFT) {
            throw new AnalysisException("lookup table " + table.name() + " supports INNER and LEFT joins only, not "
                    + join.type(), join.pos());
        }
        List<Expr> conjuncts = new ArrayList<>();
        flatten(join.on(), conjuncts);
        List<String> keys = new ArrayList<>();
        List<Evaluator> values = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Expr rest = null;
        for (Expr c : conjuncts) {
            String key = null;
            Expr value = null;
            if (c instanceof BinaryExpr b && b.op() == BinaryOp.EQ) {
                if (isTableColumn(b.lhs(), table) && !references(b.rhs(), table)) {
                    key = ((FieldRef) b.lhs()).name();
                    value = b.rhs();
                } else if (isTableColumn(b.rhs(), table) && !references(b.lhs(), table)) {
                    key = ((FieldRef) b.rhs()).name();
                    value = b.lhs();
                }
            }
            if (key != null && seen.add(key)) {
                keys.add(key);
                values.add(cc.compile(value));
            } else {
                rest = rest == null ? c : new BinaryExpr(c.pos(), BinaryOp.AND, rest, c);
            }
        }
        if (keys.isEmpty()) {
            throw new AnalysisException("join condition " + join.on()
                    + " is invalid, at least one equi-join predicate is required", join.pos());
        }
        return new AnalyzedQuery.LookupJoin(joinIndex, table.index(), table.name(), keys, values,
                rest == null ? null : cc.compile(rest), join.type() == Join.Type.LEFT);
    }

    private static void flatten(Expr e, List<Expr> out) {
        if (e instanceof ParenExpr p) {
            flatten(p.expr(), out);
        } else if (e instanceof BinaryExpr b && b.op() == BinaryOp.AND) {
            flatten(b.lhs(), out);
            flatten(b.rhs(), out);
        } else if (e != null) {
            out.add(e);
        }
    }

    private static boolean isTableColumn(Expr e, SourceInfo table) {
        return e instanceof FieldRef f && f.aliasOf() == null && !f.isPath() && f.sourceIndex() == table.index();
    }

    private static boolean references(Expr e, SourceInfo table) {
        boolean[] hit = new boolean[1];
        e.walk(n -> {
            if (n instanceof FieldRef f && f.sourceIndex() == table.index()) {
                hit[0] = true;
            }
            return !hit[0];
        });
        return hit[0];
    }
}
