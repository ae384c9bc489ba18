package io.oort.engine.sql.parser;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.oort.engine.sql.ast.BetweenExpr;
import io.oort.engine.sql.ast.BinaryExpr;
import io.oort.engine.sql.ast.BinaryOp;
import io.oort.engine.sql.ast.CaseExpr;
import io.oort.engine.sql.ast.Expr;
import io.oort.engine.sql.ast.FieldRef;
import io.oort.engine.sql.ast.IndexExpr;
import io.oort.engine.sql.ast.JsonFieldRef;
import io.oort.engine.sql.ast.LikePattern;
import io.oort.engine.sql.ast.Literal;
import io.oort.engine.sql.ast.MetaRef;
import io.oort.engine.sql.ast.ParenExpr;
import io.oort.engine.sql.ast.Pos;
import io.oort.engine.sql.ast.SliceExpr;
import io.oort.engine.sql.ast.TimeUnitLiteral;
import io.oort.engine.sql.ast.UnaryExpr;
import io.oort.engine.sql.ast.ValueSetExpr;
import io.oort.engine.sql.value.LikeMatcher;

/**
 * Expressions with eKuiper's precedence and associativity (pkg/ast/token.go): each new binary operator is inserted
 * below every operator of lower precedence on the right spine, so equal precedence associates to the left and
 * {@code []}/{@code ->} share the precedence of {@code *}. Nesting is bounded so that no input can exhaust the
 * stack.
 */
class ExprParser {

    /** Deepest nesting of parentheses, calls and CASEs accepted. */
    static final int MAX_NESTING = 256;
    /** Deepest expression tree accepted (long operator chains). */
    static final int MAX_TREE_DEPTH = 1024;

    private static final Set<String> COLS_FUNCTIONS = Set.of("changed_cols");

    protected final TokenStream ts;
    private int nesting;
    private int callIds;
    private String inFunc;
    private final WindowParser windows;
    private final FieldParser fields;

    ExprParser(TokenStream ts) {
        this.ts = ts;
        this.windows = new WindowParser(this, ts);
        this.fields = new FieldParser(this, ts);
    }

    FieldParser fields() {
        return fields;
    }

    int nextCallId() {
        return callIds++;
    }

    // ---- the operator-insertion tree -------------------------------------------------------------------------

    /** A mutable node used while an expression is assembled; frozen into immutable AST nodes at the end. */
    private static final class Node {
        final int prec; // doubled precedence; 0 for an operand
        final Object op; // BinaryOp or UnaryExpr.Op
        final Pos pos;
        Object lhs; // Expr or Node
        Object rhs;

        Node(int prec, Object op, Pos pos, Object lhs, Object rhs) {
            this.prec = prec;
            this.op = op;
            this.pos = pos;
            this.lhs = lhs;
            this.rhs = rhs;
        }
    }

    private static int prec(BinaryOp op) {
        return op.precedence() * 2;
    }

    Expr parseExpr() throws ParseException {
        if (++nesting > MAX_NESTING) {
            throw ts.error("expression nesting too deep (more than " + MAX_NESTING + " levels)");
        }
        try {
            Node root = new Node(0, null, null, null, null);
            root.rhs = parseOperand();
            while (true) {
                Token t = ts.peek();
                BinaryOp op = operator(t);
                if (op == null) {
                    Expr e = freeze(root.rhs, 0);
                    return e;
                }
                if (t.type() != TokenType.LBRACKET && t.type() != TokenType.IN) {
                    ts.next();
                }
                if (t.type() == TokenType.NOT) {
                    Token after = ts.peek();
                    switch (after.type()) {
                        case IN -> op = BinaryOp.NOT_IN;
                        case BETWEEN -> {
                            ts.next();
                            op = BinaryOp.NOT_BETWEEN;
                        }
                        case LIKE -> {
                            ts.next();
                            op = BinaryOp.NOT_LIKE;
                        }
                        default -> throw ts.found("expression");
                    }
                }
                if (op == BinaryOp.BETWEEN || op == BinaryOp.NOT_BETWEEN) {
                    Node node = root;
                    while (node.rhs instanceof Node r && r.prec < prec(op)) {
                        node = r;
                    }
                    Expr lower = parseUnary(false);
                    if (!ts.accept(TokenType.AND)) {
                        throw ts.error("expect AND expression after between but found " + ts.peek().shown());
                    }
                    Expr higher = parseUnary(false);
                    node.rhs = new Node(prec(op), op, t.pos(), node.rhs, new BetweenExpr(lower.pos(), lower, higher));
                    continue;
                }
                Object rhs = op == BinaryOp.ARROW ? parseUnary(true) : parseOperand();
                if (op == BinaryOp.LIKE || op == BinaryOp.NOT_LIKE) {
                    rhs = likePattern(freeze(rhs, 0));
                }
                insert(root, new Node(prec(op), op, t.pos(), null, rhs));
            }
        } finally {
            nesting--;
        }
    }

    private static void insert(Node root, Node n) {
        Node node = root;
        while (node.rhs instanceof Node r && r.prec < n.prec && !closedRhs(r)) {
            node = r;
        }
        n.lhs = node.rhs;
        node.rhs = n;
    }

    /**
     * IN, BETWEEN and LIKE nodes hold a special right operand (value set, bounds, pattern) that a following
     * tighter operator must not take as its left side: {@code a BETWEEN 1 AND 2 + 3} is
     * {@code (a BETWEEN 1 AND 2) + 3}, as the bounds are single operands.
     */
    private static boolean closedRhs(Node n) {
        return n.op == BinaryOp.IN || n.op == BinaryOp.NOT_IN || n.op == BinaryOp.BETWEEN
                || n.op == BinaryOp.NOT_BETWEEN || n.op == BinaryOp.LIKE || n.op == BinaryOp.NOT_LIKE;
    }

    /** Parses an operand, including the prefix operators Oort adds (NOT expr, -expr). */
    private Object parseOperand() throws ParseException {
        Token t = ts.peek();
        if (t.type() == TokenType.NOT) {
            ts.next();
            if (++nesting > MAX_NESTING) {
                throw ts.error("expression nesting too deep (more than " + MAX_NESTING + " levels)");
            }
            try {
                // NOT binds looser than comparisons and tighter than AND: NOT a = b is NOT (a = b).
                return new Node(5, UnaryExpr.Op.NOT, t.pos(), null, parseOperand());
            } finally {
                nesting--;
            }
        }
        return parseUnary(false);
    }

    private Expr freeze(Object o, int depth) throws ParseException {
        if (depth > MAX_TREE_DEPTH) {
            throw ts.error("expression too deep (more than " + MAX_TREE_DEPTH + " nested operators)");
        }
        if (o instanceof Expr e) {
            return e;
        }
        Node n = (Node) o;
        if (n.op instanceof UnaryExpr.Op u) {
            return new UnaryExpr(n.pos, u, freeze(n.rhs, depth + 1));
        }
        Expr lhs = freeze(n.lhs, depth + 1);
        Expr rhs = freeze(n.rhs, depth + 1);
        return new BinaryExpr(lhs.pos(), (BinaryOp) n.op, lhs, rhs);
    }

    private static BinaryOp operator(Token t) {
        return switch (t.type()) {
            case ADD -> BinaryOp.ADD;
            case SUB -> BinaryOp.SUB;
            case MUL, ASTERISK -> BinaryOp.MUL;
            case DIV -> BinaryOp.DIV;
            case MOD -> BinaryOp.MOD;
            case BIT_AND -> BinaryOp.BIT_AND;
            case BIT_OR -> BinaryOp.BIT_OR;
            case BIT_XOR -> BinaryOp.BIT_XOR;
            case AND -> BinaryOp.AND;
            case OR -> BinaryOp.OR;
            case EQ -> BinaryOp.EQ;
            case NEQ -> BinaryOp.NEQ;
            case LT -> BinaryOp.LT;
            case LTE -> BinaryOp.LTE;
            case GT -> BinaryOp.GT;
            case GTE -> BinaryOp.GTE;
            case LBRACKET -> BinaryOp.SUBSET;
            case ARROW, DOT -> BinaryOp.ARROW;
            case IN -> BinaryOp.IN;
            case NOT -> BinaryOp.NOT_IN; // refined by the caller
            case BETWEEN -> BinaryOp.BETWEEN;
            case LIKE -> BinaryOp.LIKE;
            default -> null;
        };
    }

    private Expr likePattern(Expr rhs) {
        if (rhs instanceof Literal l && l.isString()) {
            return new LikePattern(rhs.pos(), rhs, LikeMatcher.compile((String) l.value()));
        }
        return new LikePattern(rhs.pos(), rhs, null);
    }

    // ---- operands -----------------------------------------------------------------------------------------------

    Expr parseUnary(boolean subField) throws ParseException {
        Token t = ts.peek();
        switch (t.type()) {
            case LPAREN -> {
                ts.next();
                Expr e = parseExpr();
                if (!ts.accept(TokenType.RPAREN)) {
                    throw ts.found("right paren");
                }
                return new ParenExpr(t.pos(), e);
            }
            case LBRACKET -> {
                ts.next();
                return parseBracket(t.pos());
            }
            case IN -> {
                ts.next();
                return parseValueSet(t.pos());
            }
            case SUB -> {
                Token n = ts.peek(1);
                if (n.type() == TokenType.INTEGER || n.type() == TokenType.NUMBER) {
                    ts.next();
                    ts.next();
                    return number(n, "-" + n.text(), t.pos());
                }
                ts.next();
                if (++nesting > MAX_NESTING) {
                    throw ts.error("expression nesting too deep (more than " + MAX_NESTING + " levels)");
                }
                try {
                    return new UnaryExpr(t.pos(), UnaryExpr.Op.NEG, parseUnary(false));
                } finally {
                    nesting--;
                }
            }
            case CASE -> {
                ts.next();
                return parseCase(t.pos());
            }
            case IDENT -> {
                if (ts.peek(1).type() == TokenType.LPAREN) {
                    ts.next();
                    ts.next();
                    return parseCall(t);
                }
                return fieldName(subField);
            }
            case STRING -> {
                ts.next();
                return new Literal(t.pos(), t.text());
            }
            case INTEGER, NUMBER -> {
                ts.next();
                return number(t, t.text(), t.pos());
            }
            case TRUE, FALSE -> {
                ts.next();
                return new Literal(t.pos(), t.type() == TokenType.TRUE);
            }
            case ASTERISK -> {
                ts.next();
                return fields.parseAsterisk(t.pos(), inMeta());
            }
            default -> {
                if (t.type().isTimeUnit()) {
                    ts.next();
                    return new TimeUnitLiteral(t.pos(), TimeUnitLiteral.Unit.valueOf(t.type().name()));
                }
                throw ts.found("expression");
            }
        }
    }

    private static Literal number(Token t, String text, Pos pos) throws ParseException {
        if (t.type() == TokenType.INTEGER) {
            try {
                return new Literal(pos, Long.parseLong(text));
            } catch (NumberFormatException e) {
                throw new ParseException("found \"" + text + "\", invalid integer value.", pos);
            }
        }
        try {
            return new Literal(pos, Double.parseDouble(text));
        } catch (NumberFormatException e) {
            throw new ParseException("found \"" + text + "\", invalid number value.", pos);
        }
    }

    boolean inMeta() {
        return "meta".equals(inFunc) || "mqtt".equals(inFunc);
    }

    /** {@code name}, {@code stream.name}, {@code stream.*}; inside meta() they are metadata keys. */
    private Expr fieldName(boolean subField) throws ParseException {
        Token first = ts.next();
        String n0 = first.text();
        String n1 = null;
        if (!subField && ts.at(TokenType.DOT)
                && (ts.peek(1).type() == TokenType.IDENT || ts.peek(1).type() == TokenType.ASTERISK)) {
            ts.next();
            n1 = ts.next().text();
        }
        if (inMeta()) {
            if (n1 != null) {
                return new MetaRef(first.pos(), n0, n1);
            }
            return subField ? new JsonFieldRef(first.pos(), n0) : new MetaRef(first.pos(), null, n0);
        }
        if (n1 != null) {
            return new FieldRef(first.pos(), n0, n1);
        }
        return subField ? new JsonFieldRef(first.pos(), n0) : new FieldRef(first.pos(), null, n0);
    }

    private Expr parseBracket(Pos pos) throws ParseException {
        if (ts.accept(TokenType.RBRACKET)) {
            return new SliceExpr(pos, new Literal(pos, 0L), null);
        }
        if (ts.accept(TokenType.COLON)) {
            return parseColon(pos, new Literal(pos, 0L));
        }
        Expr start = parseExpr();
        if (ts.accept(TokenType.RBRACKET)) {
            return new IndexExpr(pos, start);
        }
        if (ts.accept(TokenType.COLON)) {
            return parseColon(pos, start);
        }
        throw ts.error("Unexpected token \"" + ts.peek().shown() + "\". when parsing bracket expressions.");
    }

    private Expr parseColon(Pos pos, Expr start) throws ParseException {
        if (ts.accept(TokenType.RBRACKET)) {
            return new SliceExpr(pos, start, null);
        }
        Expr end = parseExpr();
        if (!ts.accept(TokenType.RBRACKET)) {
            throw ts.error("Found \"" + ts.peek().shown() + "\", expected right bracket.");
        }
        return new SliceExpr(pos, start, end);
    }

    private Expr parseValueSet(Pos pos) throws ParseException {
        if (ts.accept(TokenType.LPAREN)) {
            List<Expr> values = new ArrayList<>();
            while (true) {
                values.add(parseExpr());
                if (!ts.accept(TokenType.COMMA)) {
                    break;
                }
            }
            if (!ts.accept(TokenType.RPAREN)) {
                throw ts.error("expect ) for IN expression, but got \"" + ts.peek().shown() + "\"");
            }
            return new ValueSetExpr(pos, values, null);
        }
        return new ValueSetExpr(pos, null, parseUnary(false));
    }

    private Expr parseCase(Pos pos) throws ParseException {
        if (++nesting > MAX_NESTING) {
            throw ts.error("expression nesting too deep (more than " + MAX_NESTING + " levels)");
        }
        try {
            Expr value = null;
            if (!ts.at(TokenType.WHEN)) {
                value = parseExpr();
            }
            List<CaseExpr.When> whens = new ArrayList<>();
            Expr otherwise = null;
            while (true) {
                Token t = ts.next();
                switch (t.type()) {
                    case WHEN -> {
                        Expr cond = parseExpr();
                        if (value == null && !io.oort.engine.sql.function.Args.isBooleanArg(cond)
                                && !(cond instanceof UnaryExpr u && u.op() == UnaryExpr.Op.NOT)) {
                            throw new ParseException(
                                    "invalid CASE expression, WHEN expression must be a bool condition", cond.pos());
                        }
                        if (!ts.accept(TokenType.THEN)) {
                            throw ts.error("invalid CASE expression, THEN expected after WHEN");
                        }
                        whens.add(new CaseExpr.When(cond, parseExpr()));
                    }
                    case ELSE -> {
                        if (whens.isEmpty()) {
                            throw new ParseException("invalid CASE expression, WHEN expected before ELSE", t.pos());
                        }
                        otherwise = parseExpr();
                    }
                    case END -> {
                        if (whens.isEmpty()) {
                            throw new ParseException("invalid CASE expression, WHEN expected before END", t.pos());
                        }
                        return new CaseExpr(pos, value, whens, otherwise);
                    }
                    default -> throw new ParseException("invalid CASE expression, END expected", t.pos());
                }
            }
        } finally {
            nesting--;
        }
    }

    private Expr parseCall(Token nameToken) throws ParseException {
        String name = nameToken.text().toLowerCase(Locale.ROOT);
        if (++nesting > MAX_NESTING) {
            throw ts.error("expression nesting too deep (more than " + MAX_NESTING + " levels)");
        }
        String outer = inFunc;
        inFunc = name;
        List<Expr> args = new ArrayList<>();
        try {
            if (!ts.accept(TokenType.RPAREN)) {
                while (true) {
                    Expr a = parseExpr();
                    if (COLS_FUNCTIONS.contains(name)) {
                        a = new io.oort.engine.sql.ast.ColFuncField(a.pos(), FieldParser.nameOf(a), a);
                    }
                    args.add(a);
                    if (ts.accept(TokenType.COMMA)) {
                        continue;
                    }
                    if (!ts.accept(TokenType.RPAREN)) {
                        throw ts.error("found function call \"" + name + "\", expected ), but with \""
                                + ts.peek().shown() + "\".");
                    }
                    break;
                }
            }
        } finally {
            inFunc = outer;
            nesting--;
        }
        if (WindowParser.isWindow(name)) {
            return windows.window(nameToken.pos(), name, args);
        }
        int id = nextCallId();
        List<Expr> partition = null;
        Expr when = null;
        if (ts.accept(TokenType.OVER)) {
            if (!ts.accept(TokenType.LPAREN)) {
                throw ts.error("Found \"" + ts.peek().shown() + "\" after OVER, expect parentheses.");
            }
            partition = windows.partitionBy();
            when = windows.when();
            if (partition == null) {
                partition = windows.partitionBy();
            }
            if (partition == null && when == null) {
                throw ts.error("Found \"" + ts.peek().shown() + "\" after OVER (, expect partition by or when.");
            }
            if (!ts.accept(TokenType.RPAREN)) {
                throw ts.error("Found \"" + ts.peek().shown() + "\", expect right parentheses after OVER ");
            }
        }
        return new io.oort.engine.sql.ast.Call(nameToken.pos(), name, args, id, partition, when);
    }
}
