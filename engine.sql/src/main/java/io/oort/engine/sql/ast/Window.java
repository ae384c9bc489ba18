package io.oort.engine.sql.ast;

import java.util.List;
import java.util.function.Consumer;

/** A window in GROUP BY, with its optional FILTER (WHERE ...) and OVER (WHEN ... | PARTITION BY ...). */
public final class Window extends Expr {

    /** eKuiper's window kinds. */
    public enum Type { TUMBLING, HOPPING, SLIDING, SESSION, COUNT, STATE }

    private final Type type;
    private final TimeUnitLiteral.Unit unit;
    private final long length;
    private final long interval;
    private final long delay;
    private final Expr filter;
    private final Expr trigger;
    private final List<Expr> partition;
    private final Expr begin;
    private final Expr emit;
    private final Expr single;

    public Window(Pos pos, Type type, TimeUnitLiteral.Unit unit, long length, long interval, long delay, Expr filter,
            Expr trigger, List<Expr> partition, Expr begin, Expr emit, Expr single) {
        super(pos);
        this.type = type;
        this.unit = unit;
        this.length = length;
        this.interval = interval;
        this.delay = delay;
        this.filter = filter;
        this.trigger = trigger;
        this.partition = partition == null ? List.of() : List.copyOf(partition);
        this.begin = begin;
        this.emit = emit;
        this.single = single;
    }

    public Type type() {
        return type;
    }

    /** The time unit of time windows; null for COUNT and STATE. */
    public TimeUnitLiteral.Unit unit() {
        return unit;
    }

    /** Size in units (count for COUNT windows, max duration for SESSION). */
    public long length() {
        return length;
    }

    /** Hop (HOPPING), timeout (SESSION), interval (COUNT); 0 when absent. */
    public long interval() {
        return interval;
    }

    /** SLIDING delay in units; 0 when absent. */
    public long delay() {
        return delay;
    }

    public long lengthMillis() {
        return length * unit.millis();
    }

    public long intervalMillis() {
        return interval * unit.millis();
    }

    public long delayMillis() {
        return delay * unit.millis();
    }

    /** FILTER (WHERE ...) or null. */
    public Expr filter() {
        return filter;
    }

    /** OVER (WHEN ...) or null. */
    public Expr trigger() {
        return trigger;
    }

    /** OVER (PARTITION BY ...) or empty. */
    public List<Expr> partition() {
        return partition;
    }

    /** STATEWINDOW(begin, emit): the begin condition; null otherwise. */
    public Expr begin() {
        return begin;
    }

    public Expr emit() {
        return emit;
    }

    /** STATEWINDOW(cond): the single condition; null otherwise. */
    public Expr single() {
        return single;
    }

    @Override
    public void children(Consumer<Expr> visitor) {
        for (Expr e : new Expr[] {filter, trigger, begin, emit, single}) {
            if (e != null) {
                visitor.accept(e);
            }
        }
        partition.forEach(visitor);
    }

    @Override
    public String toString() {
        String args = switch (type) {
            case COUNT -> interval > 0 ? length + ", " + interval : String.valueOf(length);
            case STATE -> single != null ? single.toString() : begin + ", " + emit;
            case HOPPING, SESSION -> unit.name().toLowerCase() + ", " + length + ", " + interval;
            case SLIDING -> unit.name().toLowerCase() + ", " + length + (delay > 0 ? ", " + delay : "");
            default -> unit.name().toLowerCase() + ", " + length;
        };
        return type.name().toLowerCase() + "window(" + args + ")";
    }
}
