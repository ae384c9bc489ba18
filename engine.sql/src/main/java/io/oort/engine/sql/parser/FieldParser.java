package io.oort.engine.sql.parser;

import java.util.ArrayList;
import java.util.List;

import io.oort.engine.sql.ast.Call;
import io.oort.engine.sql.ast.Expr;
import io.oort.engine.sql.ast.Field;
import io.oort.engine.sql.ast.FieldRef;
import io.oort.engine.sql.ast.MetaRef;
import io.oort.engine.sql.ast.Pos;
import io.oort.engine.sql.ast.Wildcard;

/**
 * Select fields and wildcards. Output names follow eKuiper: a column by its name, a call by its lower-case
 * function name, {@code *}, else {@code kuiper_field_N} where N counts only the unnamed, unaliased fields.
 */
final class FieldParser {

    /** eKuiper's prefix for generated field names. */
    static final String GENERATED_PREFIX = "kuiper_field_";

    private final ExprParser exprs;
    private final TokenStream ts;
    private int unnamed;

    FieldParser(ExprParser exprs, TokenStream ts) {
        this.exprs = exprs;
        this.ts = ts;
    }

    /** The name eKuiper derives for an expression, or "" when it has none. */
    static String nameOf(Expr e) {
        if (e instanceof FieldRef f) {
            return f.name();
        }
        if (e instanceof Call c) {
            return c.name();
        }
        if (e instanceof Wildcard) {
            return "*";
        }
        return "";
    }

    List<Field> fields() throws ParseException {
        List<Field> out = new ArrayList<>();
        do {
            out.add(field());
        } while (ts.accept(TokenType.COMMA));
        return out;
    }

    Field field() throws ParseException {
        Pos pos = ts.peek().pos();
        Expr e = exprs.parseExpr();
        String name = nameOf(e);
        String alias = null;
        if (ts.accept(TokenType.AS)) {
            Token a = ts.peek();
            // eKuiper only takes identifiers; Oort also takes the window unit words (dd, hh, mi, ss, ms), which
            // are reserved only as window arguments, so "AS mi" works.
            if (a.type() != TokenType.IDENT && !a.type().isTimeUnit()) {
                throw ts.found("as alias");
            }
            ts.next();
            if ("*".equals(name)) {
                throw new ParseException("alias is not supported for *", a.pos());
            }
            alias = a.type() == TokenType.IDENT ? a.text() : a.text().toLowerCase(java.util.Locale.ROOT);
        }
        if (name.isEmpty() && alias == null) {
            name = GENERATED_PREFIX + unnamed++;
        }
        boolean invisible = ts.accept(TokenType.INVISIBLE);
        return new Field(pos, name, alias, e, invisible);
    }

    Expr parseAsterisk(Pos pos, boolean inMeta) throws ParseException {
        if (inMeta) {
            if (ts.at(TokenType.EXCEPT) || ts.at(TokenType.REPLACE)) {
                throw ts.error("\"" + ts.peek().shown() + "\" is not supported in meta function");
            }
            return new MetaRef(pos, null, "*");
        }
        List<String> except = new ArrayList<>();
        List<Field> replace = new ArrayList<>();
        while (true) {
            if (ts.accept(TokenType.EXCEPT)) {
                if (!ts.accept(TokenType.LPAREN)) {
                    throw ts.error("Found \"" + ts.peek().shown() + "\" after EXCEPT, expect left parentheses.");
                }
                while (!ts.accept(TokenType.RPAREN)) {
                    Token t = ts.next();
                    if (t.type() == TokenType.IDENT) {
                        except.add(t.text());
                    } else if (t.type() != TokenType.COMMA) {
                        throw new ParseException("Found \"" + t.shown() + "\" in EXCEPT", t.pos());
                    }
                }
            } else if (ts.accept(TokenType.REPLACE)) {
                if (!ts.accept(TokenType.LPAREN)) {
                    throw ts.error("Found \"" + ts.peek().shown() + "\" after REPLACE, expect left parentheses.");
                }
                while (true) {
                    replace.add(field());
                    if (ts.accept(TokenType.RPAREN)) {
                        break;
                    }
                    if (!ts.accept(TokenType.COMMA)) {
                        throw ts.error("Found \"" + ts.peek().shown() + "\" in REPLACE");
                    }
                }
            } else {
                return new Wildcard(pos, except, replace);
            }
        }
    }
}
