package io.oort.engine.sql.ast;

import java.util.List;
import java.util.function.Consumer;

/**
 * A function call {@code name(args) [OVER ([PARTITION BY ...] [WHEN ...])]}. The name is lower case (SQL function
 * names are case-insensitive); {@link #id()} numbers the calls of a statement in parse order, as eKuiper's FuncId.
 */
public final class Call extends Expr {

    private final String name;
    private final List<Expr> args;
    private final int id;
    private final List<Expr> partition;
    private final Expr when;

    // binding, set by the analyzer: the resolved function (an io.oort.engine.sql.function.FunctionDef)
    private Object function;

    public Call(Pos pos, String name, List<Expr> args, int id, List<Expr> partition, Expr when) {
        super(pos);
        this.name = name;
        this.args = List.copyOf(args);
        this.id = id;
        this.partition = partition == null ? List.of() : List.copyOf(partition);
        this.when = when;
    }

    public String name() {
        return name;
    }

    public List<Expr> args() {
        return args;
    }

    public int id() {
        return id;
    }

    /** OVER (PARTITION BY ...) expressions; empty when absent. */
    public List<Expr> partition() {
        return partition;
    }

    /** OVER (WHEN ...) condition, or null. */
    public Expr when() {
        return when;
    }

    public Object function() {
        return function;
    }

    public void bindFunction(Object function) {
        this.function = function;
    }

    @Override
    public void children(Consumer<Expr> visitor) {
        args.forEach(visitor);
        partition.forEach(visitor);
        if (when != null) {
            visitor.accept(when);
        }
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(name).append('(');
        for (int i = 0; i < args.size(); i++) {
            sb.append(i > 0 ? ", " : "").append(args.get(i));
        }
        sb.append(')');
        if (!partition.isEmpty() || when != null) {
            sb.append(" OVER (");
            if (!partition.isEmpty()) {
                sb.append("PARTITION BY ");
                for (int i = 0; i < partition.size(); i++) {
                    sb.append(i > 0 ? ", " : "").append(partition.get(i));
                }
            }
            if (when != null) {
                sb.append(partition.isEmpty() ? "" : " ").append("WHEN ").append(when);
            }
            sb.append(')');
        }
        return sb.toString();
    }
}
