package io.oort.engine.sql.ast;

import java.util.function.Consumer;

/** A window time unit: DD, HH, MI, SS, MS (first argument of time windows). */
public final class TimeUnitLiteral extends Expr {

    /** The units eKuiper's windows accept. */
    public enum Unit {
        DD(86_400_000L), HH(3_600_000L), MI(60_000L), SS(1_000L), MS(1L);

        private final long millis;

        Unit(long millis) {
            this.millis = millis;
        }

        public long millis() {
            return millis;
        }
    }

    private final Unit unit;

    public TimeUnitLiteral(Pos pos, Unit unit) {
        super(pos);
        this.unit = unit;
    }

    public Unit unit() {
        return unit;
    }

    @Override
    public void children(Consumer<Expr> visitor) {
        // a leaf
    }

    @Override
    public String toString() {
        return unit.name().toLowerCase();
    }
}
