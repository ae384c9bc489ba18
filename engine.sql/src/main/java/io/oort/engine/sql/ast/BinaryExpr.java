package io.oort.engine.sql.ast;

import java.util.function.Consumer;

/**
 * {@code lhs OP rhs}. The right side is special for some operators: {@link IndexExpr}/{@link SliceExpr} for
 * {@code []}, {@link JsonFieldRef} for {@code ->}, {@link ValueSetExpr} for IN, {@link BetweenExpr} for BETWEEN,
 * {@link LikePattern} for LIKE.
 */
public final class BinaryExpr extends Expr {

    private final BinaryOp op;
    private final Expr lhs;
    private final Expr rhs;

    public BinaryExpr(Pos pos, BinaryOp op, Expr lhs, Expr rhs) {
        super(pos);
        this.op = op;
        this.lhs = lhs;
        this.rhs = rhs;
    }

    public BinaryOp op() {
        return op;
    }

    public Expr lhs() {
        return lhs;
    }

    public Expr rhs() {
        return rhs;
    }

    @Override
    public void children(Consumer<Expr> visitor) {
        visitor.accept(lhs);
        visitor.accept(rhs);
    }

    @Override
    public String toString() {
        return switch (op) {
            case SUBSET -> lhs + "[" + rhs + "]";
            case ARROW -> lhs + "->" + rhs;
            default -> lhs + " " + op.symbol() + " " + rhs;
        };
    }
}
