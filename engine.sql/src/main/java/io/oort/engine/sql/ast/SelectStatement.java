package io.oort.engine.sql.ast;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** {@code SELECT ... FROM ... [JOIN ...] [WHERE] [GROUP BY] [HAVING] [ORDER BY] [LIMIT]}. */
public final class SelectStatement implements Statement {

    private final Pos pos;
    private final List<Field> fields;
    private final SourceRef source;
    private final List<Join> joins;
    private Expr where;
    private final List<Expr> groupBy;
    private final Window window;
    private Expr having;
    private final List<SortField> orderBy;
    private final Long limit;

    public SelectStatement(Pos pos, List<Field> fields, SourceRef source, List<Join> joins, Expr where,
            List<Expr> groupBy, Window window, Expr having, List<SortField> orderBy, Long limit) {
        this.pos = pos;
        this.fields = new ArrayList<>(fields);
        this.source = source;
        this.joins = List.copyOf(joins);
        this.where = where;
        this.groupBy = new ArrayList<>(groupBy);
        this.window = window;
        this.having = having;
        this.orderBy = List.copyOf(orderBy);
        this.limit = limit;
    }

    @Override
    public Pos pos() {
        return pos;
    }

    public List<Field> fields() {
        return fields;
    }

    public SourceRef source() {
        return source;
    }

    public List<Join> joins() {
        return joins;
    }

    /** All sources: FROM first, then each JOIN in order. Index = source index used by bindings. */
    public List<SourceRef> sources() {
        List<SourceRef> out = new ArrayList<>();
        out.add(source);
        for (Join j : joins) {
            out.add(j.source());
        }
        return out;
    }

    public Expr where() {
        return where;
    }

    public void setWhere(Expr where) {
        this.where = where;
    }

    /** GROUP BY expressions other than the window. */
    public List<Expr> groupBy() {
        return groupBy;
    }

    /** The window in GROUP BY, or null. */
    public Window window() {
        return window;
    }

    public Expr having() {
        return having;
    }

    public void setHaving(Expr having) {
        this.having = having;
    }

    public List<SortField> orderBy() {
        return orderBy;
    }

    /** LIMIT n, or null. */
    public Long limit() {
        return limit;
    }

    /** Visits every top-level expression of the statement (fields, join conditions, where, group, window, having, order). */
    public void expressions(Consumer<Expr> visitor) {
        for (Field f : fields) {
            visitor.accept(f.expr());
        }
        for (Join j : joins) {
            if (j.on() != null) {
                visitor.accept(j.on());
            }
        }
        if (where != null) {
            visitor.accept(where);
        }
        groupBy.forEach(visitor);
        if (window != null) {
            visitor.accept(window);
        }
        if (having != null) {
            visitor.accept(having);
        }
        for (SortField s : orderBy) {
            visitor.accept(s.expr());
        }
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("SELECT ");
        for (int i = 0; i < fields.size(); i++) {
            sb.append(i > 0 ? ", " : "").append(fields.get(i));
        }
        sb.append(" FROM ").append(source);
        for (Join j : joins) {
            sb.append(' ').append(j);
        }
        if (where != null) {
            sb.append(" WHERE ").append(where);
        }
        if (!groupBy.isEmpty() || window != null) {
            sb.append(" GROUP BY ");
            List<String> g = new ArrayList<>();
            groupBy.forEach(e -> g.add(e.toString()));
            if (window != null) {
                g.add(window.toString());
            }
            sb.append(String.join(", ", g));
        }
        if (having != null) {
            sb.append(" HAVING ").append(having);
        }
        if (!orderBy.isEmpty()) {
            sb.append(" ORDER BY ");
            for (int i = 0; i < orderBy.size(); i++) {
                sb.append(i > 0 ? ", " : "").append(orderBy.get(i));
            }
        }
        if (limit != null) {
            sb.append(" LIMIT ").append(limit);
        }
        return sb.toString();
    }
}
