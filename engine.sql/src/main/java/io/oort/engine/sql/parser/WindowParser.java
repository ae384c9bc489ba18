package io.oort.engine.sql.parser;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.oort.engine.sql.ast.Expr;
import io.oort.engine.sql.ast.Literal;
import io.oort.engine.sql.ast.Pos;
import io.oort.engine.sql.ast.TimeUnitLiteral;
import io.oort.engine.sql.ast.Window;

/** Window functions in GROUP BY with their FILTER and OVER clauses, validated with eKuiper's messages. */
final class WindowParser {

    private static final Set<String> WINDOWS = Set.of("tumblingwindow", "hoppingwindow", "slidingwindow",
            "sessionwindow", "countwindow", "statewindow");

    private final ExprParser exprs;
    private final TokenStream ts;

    WindowParser(ExprParser exprs, TokenStream ts) {
        this.exprs = exprs;
        this.ts = ts;
    }

    static boolean isWindow(String lowerName) {
        return WINDOWS.contains(lowerName);
    }

    Window window(Pos pos, String name, List<Expr> args) throws ParseException {
        Window.Type type = switch (name) {
            case "tumblingwindow" -> Window.Type.TUMBLING;
            case "hoppingwindow" -> Window.Type.HOPPING;
            case "slidingwindow" -> Window.Type.SLIDING;
            case "sessionwindow" -> Window.Type.SESSION;
            case "countwindow" -> Window.Type.COUNT;
            default -> Window.Type.STATE;
        };
        TimeUnitLiteral.Unit unit = null;
        long length = 0;
        long interval = 0;
        long delay = 0;
        Expr begin = null;
        Expr emit = null;
        Expr single = null;
        switch (type) {
            case STATE -> {
                if (args.size() == 2) {
                    begin = args.get(0);
                    emit = args.get(1);
                } else if (args.size() == 1) {
                    single = args.get(0);
                } else {
                    throw new ParseException("The arguments for " + name + " should be 1 or 2.", pos);
                }
            }
            case COUNT -> {
                if (args.size() == 1) {
                    length = positiveInt(args.get(0), pos);
                } else if (args.size() == 2) {
                    if (!(args.get(0) instanceof Literal a && a.isInteger())
                            || !(args.get(1) instanceof Literal b && b.isInteger())) {
                        throw new ParseException("Invalid parameter value " + args.get(0) + ", " + args.get(1) + ".",
                                pos);
                    }
                    length = (Long) ((Literal) args.get(0)).value();
                    interval = (Long) ((Literal) args.get(1)).value();
                    if (length < interval) {
                        throw new ParseException("The second parameter value " + interval
                                + " should be less than the first parameter " + length + ".", pos);
                    }
                    if (length <= 0 || interval <= 0) {
                        throw new ParseException("Invalid parameter value " + length + ", " + interval + ".", pos);
                    }
                } else {
                    throw new ParseException("Invalid parameter count.", pos);
                }
            }
            default -> {
                int expected = switch (type) {
                    case TUMBLING -> 2;
                    case SLIDING -> args.size() == 3 ? 3 : 2;
                    default -> 3;
                };
                if (type == Window.Type.SLIDING && args.size() != 2 && args.size() != 3) {
                    throw new ParseException("The arguments for " + name + " should be 2 or 3.", pos);
                }
                if (args.size() != expected) {
                    throw new ParseException("The arguments for " + name + " should be " + expected + ".", pos);
                }
                if (!(args.get(0) instanceof TimeUnitLiteral tl)) {
                    throw new ParseException("The 1st argument for " + name
                            + " is expecting timer literal expression. One value of [dd|hh|mi|ss|ms].", pos);
                }
                unit = tl.unit();
                long[] vals = new long[args.size()];
                for (int i = 1; i < args.size(); i++) {
                    if (!(args.get(i) instanceof Literal l && l.isInteger())) {
                        throw new ParseException("The " + i + " argument for " + name
                                + " is expecting interger literal expression.", pos);
                    }
                    vals[i] = (Long) ((Literal) args.get(i)).value();
                    if (vals[i] < 0 || (i == 1 && vals[i] == 0)) {
                        throw new ParseException("The " + i + " argument for " + name + " must be positive.", pos);
                    }
                }
                length = vals[1];
                if (args.size() > 2) {
                    if (type == Window.Type.SLIDING) {
                        delay = vals[2];
                    } else {
                        interval = vals[2];
                        if (interval == 0) {
                            throw new ParseException("The 2 argument for " + name + " must be positive.", pos);
                        }
                    }
                }
            }
        }
        Expr filter = null;
        if (ts.accept(TokenType.FILTER)) {
            if (!ts.accept(TokenType.LPAREN)) {
                throw ts.error("Found \"" + ts.peek().shown() + "\" after FILTER, expect parentheses.");
            }
            if (!ts.accept(TokenType.WHERE)) {
                throw ts.error("Found \"" + ts.peek().shown() + "\" after FILTER(, expect WHERE.");
            }
            filter = exprs.parseExpr();
            if (!ts.accept(TokenType.RPAREN)) {
                throw ts.error("Found \"" + ts.peek().shown() + "\" after FILTER, expect right parentheses.");
            }
        }
        Expr trigger = null;
        List<Expr> partition = null;
        if (ts.accept(TokenType.OVER)) {
            if (!ts.accept(TokenType.LPAREN)) {
                throw ts.error("Found \"" + ts.peek().shown() + "\" after OVER, expect parentheses.");
            }
            trigger = when();
            partition = partitionBy();
            if (trigger == null) {
                trigger = when();
            }
            if (!ts.accept(TokenType.RPAREN)) {
                throw ts.error("Found \"" + ts.peek().shown() + "\" after OVER, expect right parentheses.");
            }
        }
        return new Window(pos, type, unit, length, interval, delay, filter, trigger, partition, begin, emit, single);
    }

    private static long positiveInt(Expr e, Pos pos) throws ParseException {
        if (e instanceof Literal l && l.isInteger() && (Long) l.value() > 0) {
            return (Long) l.value();
        }
        throw new ParseException("Invalid parameter value " + e + ".", pos);
    }

    /** {@code PARTITION BY e, ...}, or null when absent. */
    List<Expr> partitionBy() throws ParseException {
        if (!ts.accept(TokenType.PARTITION)) {
            return null;
        }
        if (!ts.accept(TokenType.BY)) {
            throw ts.found("by after partition");
        }
        List<Expr> out = new ArrayList<>();
        do {
            out.add(exprs.parseExpr());
        } while (ts.accept(TokenType.COMMA));
        return out;
    }

    /** {@code WHEN cond}, or null when absent. */
    Expr when() throws ParseException {
        return ts.accept(TokenType.WHEN) ? exprs.parseExpr() : null;
    }
}
