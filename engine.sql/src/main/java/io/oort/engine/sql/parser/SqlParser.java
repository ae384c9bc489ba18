package io.oort.engine.sql.parser;

import java.util.ArrayList;
import java.util.List;

import io.oort.engine.sql.ast.CatalogStatement;
import io.oort.engine.sql.ast.Expr;
import io.oort.engine.sql.ast.Field;
import io.oort.engine.sql.ast.Join;
import io.oort.engine.sql.ast.Pos;
import io.oort.engine.sql.ast.SelectStatement;
import io.oort.engine.sql.ast.SortField;
import io.oort.engine.sql.ast.SourceRef;
import io.oort.engine.sql.ast.Statement;
import io.oort.engine.sql.ast.StreamStatement;
import io.oort.engine.sql.ast.Window;

/**
 * Parses eKuiper SQL statements: SELECT (rules), CREATE STREAM/TABLE, SHOW, DESCRIBE, DROP, EXPLAIN.
 * For any input it either returns a statement or throws {@link ParseException}; nothing else.
 */
public final class SqlParser {

    private SqlParser() {
    }

    /** Parses any supported statement. */
    public static Statement parse(String sql) throws ParseException {
        try {
            TokenStream ts = new TokenStream(sql == null ? "" : sql);
            Token first = ts.peek();
            if (first.type() == TokenType.SELECT) {
                return new SqlParser.Select(ts).parse();
            }
            if (first.type() == TokenType.IDENT) {
                switch (first.text().toUpperCase()) {
                    case "CREATE":
                        return new DdlParser(ts).create();
                    case "SHOW", "DESCRIBE", "DROP", "EXPLAIN":
                        return new DdlParser(ts).catalog();
                    default:
                        break;
                }
            }
            throw new ParseException("Found \"" + first.shown() + "\", Expected SELECT.", first.pos());
        } catch (StackOverflowError e) {
            // Bounded nesting makes this unreachable for any input that fits the bounds; kept as a last guard.
            throw new ParseException("statement too deeply nested", Pos.NONE);
        }
    }

    /** Parses a SELECT statement (a rule's SQL). */
    public static SelectStatement parseSelect(String sql) throws ParseException {
        Statement s = parse(sql);
        if (s instanceof SelectStatement sel) {
            return sel;
        }
        throw new ParseException("Found \"" + firstWord(sql) + "\", Expected SELECT.", new Pos(1, 1));
    }

    /** Parses CREATE STREAM / CREATE TABLE. */
    public static StreamStatement parseStream(String sql) throws ParseException {
        Statement s = parse(sql);
        if (s instanceof StreamStatement st) {
            return st;
        }
        throw new ParseException("Found \"" + firstWord(sql) + "\", expected CREATE STREAM or CREATE TABLE.",
                new Pos(1, 1));
    }

    private static String firstWord(String sql) {
        String t = sql == null ? "" : sql.trim();
        int sp = t.indexOf(' ');
        return sp < 0 ? t : t.substring(0, sp);
    }

    /** The SELECT grammar. */
    private static final class Select {
        private final TokenStream ts;
        private final ExprParser exprs;

        Select(TokenStream ts) {
            this.ts = ts;
            this.exprs = new ExprParser(ts);
        }

        SelectStatement parse() throws ParseException {
            Pos pos = ts.next().pos();
            List<Field> fields = exprs.fields().fields();
            if (!ts.accept(TokenType.FROM)) {
                throw ts.found("FROM");
            }
            SourceRef source = source();
            List<Join> joins = joins();
            Expr where = ts.accept(TokenType.WHERE) ? exprs.parseExpr() : null;
            List<Expr> groupBy = new ArrayList<>();
            Window window = null;
            if (ts.accept(TokenType.GROUP)) {
                if (!ts.accept(TokenType.BY)) {
                    throw ts.found("BY statement");
                }
                do {
                    Expr d = exprs.parseExpr();
                    if (d instanceof Window w) {
                        if (window != null) {
                            throw new ParseException("Only one window is allowed in GROUP BY.", d.pos());
                        }
                        window = w;
                    } else {
                        groupBy.add(d);
                    }
                } while (ts.accept(TokenType.COMMA));
            }
            Expr having = ts.accept(TokenType.HAVING) ? exprs.parseExpr() : null;
            List<SortField> orderBy = new ArrayList<>();
            if (ts.accept(TokenType.ORDER)) {
                if (!ts.accept(TokenType.BY)) {
                    throw ts.found("BY keyword");
                }
                do {
                    Pos sp = ts.peek().pos();
                    Expr e = exprs.parseExpr();
                    boolean asc = true;
                    if (ts.accept(TokenType.DESC)) {
                        asc = false;
                    } else {
                        ts.accept(TokenType.ASC);
                    }
                    orderBy.add(new SortField(sp, e, asc));
                } while (ts.accept(TokenType.COMMA));
            }
            Long limit = null;
            if (ts.accept(TokenType.LIMIT)) {
                Token t = ts.peek();
                if (t.type() != TokenType.INTEGER) {
                    throw new ParseException("limit should be integer", t.pos());
                }
                ts.next();
                try {
                    limit = Long.parseLong(t.text());
                } catch (NumberFormatException e) {
                    throw new ParseException("limit should be integer", t.pos());
                }
            }
            ts.accept(TokenType.SEMICOLON);
            if (!ts.at(TokenType.EOF)) {
                throw ts.found("EOF");
            }
            return new SelectStatement(pos, fields, source, joins, where, groupBy, window, having, orderBy, limit);
        }

        /** A source name: identifiers glued with '/', '#', '+' as eKuiper allows for MQTT-like names; [AS alias]. */
        private SourceRef source() throws ParseException {
            Pos pos = ts.peek().pos();
            StringBuilder name = new StringBuilder();
            while (isSourceToken(ts.peek().type())) {
                name.append(ts.next().text());
            }
            if (name.length() == 0) {
                throw ts.found("stream name");
            }
            String alias = null;
            if (ts.accept(TokenType.AS)) {
                if (!ts.at(TokenType.IDENT)) {
                    throw ts.found("alias");
                }
                alias = ts.next().text();
            }
            return new SourceRef(pos, name.toString(), alias);
        }

        private static boolean isSourceToken(TokenType t) {
            return t == TokenType.IDENT || t == TokenType.DIV || t == TokenType.HASH || t == TokenType.ADD;
        }

        private List<Join> joins() throws ParseException {
            List<Join> joins = new ArrayList<>();
            while (true) {
                Token t = ts.peek();
                Join.Type type = switch (t.type()) {
                    case INNER -> Join.Type.INNER;
                    case LEFT -> Join.Type.LEFT;
                    case RIGHT -> Join.Type.RIGHT;
                    case FULL -> Join.Type.FULL;
                    case CROSS -> Join.Type.CROSS;
                    case JOIN -> Join.Type.INNER;
                    default -> null;
                };
                if (type == null) {
                    return joins;
                }
                if (t.type() != TokenType.JOIN) {
                    ts.next();
                    if (!ts.at(TokenType.JOIN)) {
                        throw new ParseException("found \"" + t.shown() + "\", expected JOIN key word.", t.pos());
                    }
                }
                ts.next();
                SourceRef src = source();
                Expr on = null;
                if (ts.accept(TokenType.ON)) {
                    if (type == Join.Type.CROSS) {
                        throw ts.error("On expression is not required for cross join type.");
                    }
                    on = exprs.parseExpr();
                }
                joins.add(new Join(t.pos(), type, src, on));
            }
        }
    }
}
