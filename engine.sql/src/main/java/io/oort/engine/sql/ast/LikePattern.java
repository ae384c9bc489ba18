package io.oort.engine.sql.ast;

import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The pattern of LIKE: {@code %} any run, {@code _} one character, {@code \} escapes. Compiled once when it is a
 * literal.
 */
public final class LikePattern extends Expr {

    private final Expr expr;
    private final Pattern compiled;

    public LikePattern(Pos pos, Expr expr, Pattern compiled) {
        super(pos);
        this.expr = expr;
        this.compiled = compiled;
    }

    public Expr expr() {
        return expr;
    }

    /** The compiled pattern for a literal, else null. */
    public Pattern compiled() {
        return compiled;
    }

    /** Translates a LIKE pattern to an anchored regular expression. */
    public static Pattern compile(String like) {
        StringBuilder re = new StringBuilder("^");
        boolean escape = false;
        for (int i = 0; i < like.length(); i++) {
            char c = like.charAt(i);
            if (escape) {
                re.append(Pattern.quote(String.valueOf(c)));
                escape = false;
            } else if (c == '\\') {
                escape = true;
            } else if (c == '%') {
                re.append(".*");
            } else if (c == '_') {
                re.append('.');
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        if (escape) {
            re.append(Pattern.quote("\\"));
        }
        return Pattern.compile(re.append('$').toString(), Pattern.DOTALL);
    }

    @Override
    public void children(Consumer<Expr> visitor) {
        visitor.accept(expr);
    }

    @Override
    public String toString() {
        return expr.toString();
    }
}
