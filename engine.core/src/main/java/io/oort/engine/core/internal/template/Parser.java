package io.oort.engine.core.internal.template;

import io.oort.engine.core.internal.template.Node.ListNode;
import io.oort.engine.core.internal.template.Token.Type;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Go's text/template/parse recursive-descent parser with its three-token lookahead, so that the
 * same templates are accepted and rejected with the same messages
 * ({@code template: NAME:LINE: unexpected <.> in operand}).
 */
final class Parser {

    private static final int MAX_STACK_DEPTH = 10000;

    private final String parseName;
    private final List<Token> toks;
    private final Map<String, Func> funcs;
    private final Map<String, ListNode> treeSet = new HashMap<>();
    private final Token[] token = new Token[3];
    private int ti;
    private int peekCount;
    private List<String> vars = new ArrayList<>(List.of("$"));
    private int rangeDepth;
    private int actionLine;
    private int stackDepth;

    private Parser(String name, String text, Map<String, Func> funcs) {
        this.parseName = name;
        this.toks = Lexer.lex(text);
        this.funcs = funcs;
    }

    /** Parses text; returns the trees by name (the top-level one under name). */
    static Map<String, ListNode> parse(String name, String text, Map<String, Func> funcs) {
        Parser p = new Parser(name, text, funcs);
        ListNode root = p.parseTop();
        p.add(name, root);
        return p.treeSet;
    }

    // ---- token plumbing -------------------------------------------------------------------

    private Token lexNext() {
        Token t = toks.get(Math.min(ti, toks.size() - 1));
        ti++;
        return t;
    }

    private Token next() {
        if (peekCount > 0) {
            peekCount--;
        } else {
            token[0] = lexNext();
        }
        return token[peekCount];
    }

    private void backup() {
        peekCount++;
    }

    private void backup2(Token t1) {
        token[1] = t1;
        peekCount = 2;
    }

    private void backup3(Token t2, Token t1) {
        token[1] = t1;
        token[2] = t2;
        peekCount = 3;
    }

    private Token peek() {
        if (peekCount > 0) {
            return token[peekCount - 1];
        }
        peekCount = 1;
        token[0] = lexNext();
        return token[0];
    }

    private Token nextNonSpace() {
        Token t;
        do {
            t = next();
        } while (t.type() == Type.SPACE);
        return t;
    }

    private Token peekNonSpace() {
        Token t = nextNonSpace();
        backup();
        return t;
    }

    // ---- errors ---------------------------------------------------------------------------

    private TemplateException errorf(String msg) {
        int line = token[0] == null ? 1 : token[0].line();
        throw new TemplateException("template: " + parseName + ":" + line + ": " + msg);
    }

    private Token expect(Type expected, String context) {
        Token t = nextNonSpace();
        if (t.type() != expected) {
            unexpected(t, context);
        }
        return t;
    }

    private void unexpected(Token t, String context) {
        if (t.type() == Type.ERROR) {
            String extra = "";
            if (actionLine != 0 && actionLine != t.line()) {
                extra = " in action started at " + parseName + ":" + actionLine;
                if (t.val().endsWith(" action")) {
                    extra = extra.substring(" in action".length());
                }
            }
            throw errorf(t + extra);
        }
        throw errorf("unexpected " + t + " in " + context);
    }

    // ---- trees ----------------------------------------------------------------------------

    private void add(String name, ListNode root) {
        ListNode existing = treeSet.get(name);
        if (existing == null || isEmptyTree(existing)) {
            treeSet.put(name, root);
            return;
        }
        if (!isEmptyTree(root)) {
            throw errorf("template: multiple definition of template " + GoStrconv.quote(name));
        }
    }

    private static boolean isEmptyTree(Node n) {
        if (n == null) {
            return true;
        }
        if (n instanceof ListNode l) {
            for (Node c : l.nodes) {
                if (!isEmptyTree(c)) {
                    return false;
                }
            }
            return true;
        }
        if (n instanceof Node.Text t) {
            return GoStrings.trimSpace(t.text).isEmpty();
        }
        return false;
    }

    /** Parses a nested template body ({{define}} or {{block}}) with fresh variable scope. */
    private ListNode parseSubtree(String context) {
        List<String> savedVars = vars;
        int savedRange = rangeDepth;
        int savedAction = actionLine;
        vars = new ArrayList<>(List.of("$"));
        rangeDepth = 0;
        actionLine = 0;
        Node[] end = new Node[1];
        ListNode list = itemList(end);
        if (!(end[0] instanceof Node.Keyword k && k.kind == Node.Keyword.END)) {
            throw errorf("unexpected " + end[0] + " in " + context);
        }
        vars = savedVars;
        rangeDepth = savedRange;
        actionLine = savedAction;
        return list;
    }

    private ListNode parseTop() {
        List<Node> nodes = new ArrayList<>();
        int pos = peek().pos();
        while (peek().type() != Type.EOF) {
            if (peek().type() == Type.LEFT_DELIM) {
                Token delim = next();
                if (nextNonSpace().type() == Type.DEFINE) {
                    Token name = nextNonSpace();
                    if (name.type() != Type.STRING && name.type() != Type.RAW_STRING) {
                        unexpected(name, "define clause");
                    }
                    String tname = GoStrconv.unquote(name.val());
                    if (tname == null) {
                        throw errorf("invalid syntax");
                    }
                    expect(Type.RIGHT_DELIM, "define clause");
                    add(tname, parseSubtree("define clause"));
                    continue;
                }
                backup2(delim);
            }
            Node n = textOrAction();
            if (n instanceof Node.Keyword k && (k.kind == Node.Keyword.END || k.kind == Node.Keyword.ELSE)) {
                throw errorf("unexpected " + n);
            }
            nodes.add(n);
        }
        return new ListNode(pos, nodes.toArray(new Node[0]));
    }

    private ListNode itemList(Node[] next) {
        List<Node> nodes = new ArrayList<>();
        int pos = peekNonSpace().pos();
        while (peekNonSpace().type() != Type.EOF) {
            Node n = textOrAction();
            if (n instanceof Node.Keyword k && (k.kind == Node.Keyword.END || k.kind == Node.Keyword.ELSE)) {
                next[0] = n;
                return new ListNode(pos, nodes.toArray(new Node[0]));
            }
            nodes.add(n);
        }
        throw errorf("unexpected EOF");
    }

    private Node textOrAction() {
        Token t = nextNonSpace();
        switch (t.type()) {
            case TEXT:
                return new Node.Text(t.pos(), t.val());
            case LEFT_DELIM:
                actionLine = t.line();
                try {
                    return action();
                } finally {
                    actionLine = 0;
                }
            default:
                unexpected(t, "input");
                return null;
        }
    }

    private Node action() {
        Token t = nextNonSpace();
        switch (t.type()) {
            case BLOCK:
                return blockControl();
            case BREAK:
            case CONTINUE:
                return loopControl(t);
            case ELSE:
                return elseControl();
            case END:
                return new Node.Keyword(Node.Keyword.END, expect(Type.RIGHT_DELIM, "end").pos(), t.line());
            case IF:
                return control("if", Node.Branch.IF);
            case RANGE:
                return control("range", Node.Branch.RANGE);
            case TEMPLATE:
                return templateControl();
            case WITH:
                return control("with", Node.Branch.WITH);
            default:
                break;
        }
        backup();
        Token p = peek();
        return new Node.Action(p.pos(), pipeline("command", Type.RIGHT_DELIM));
    }

    private Node loopControl(Token kw) {
        String name = kw.type() == Type.BREAK ? "{{break}}" : "{{continue}}";
        Token t = nextNonSpace();
        if (t.type() != Type.RIGHT_DELIM) {
            unexpected(t, name);
        }
        if (rangeDepth == 0) {
            throw errorf(name + " outside {{range}}");
        }
        return new Node.Keyword(kw.type() == Type.BREAK ? Node.Keyword.BREAK : Node.Keyword.CONTINUE,
                kw.pos(), kw.line());
    }

    private Node elseControl() {
        Token p = peekNonSpace();
        if (p.type() == Type.IF || p.type() == Type.WITH) {
            return new Node.Keyword(Node.Keyword.ELSE, p.pos(), p.line());
        }
        Token t = expect(Type.RIGHT_DELIM, "else");
        return new Node.Keyword(Node.Keyword.ELSE, t.pos(), t.line());
    }

    private Node control(String context, int kind) {
        int mark = vars.size();
        Node.Pipe pipe = pipeline(context, Type.RIGHT_DELIM);
        if (kind == Node.Branch.RANGE) {
            rangeDepth++;
        }
        Node[] next = new Node[1];
        ListNode list = itemList(next);
        if (kind == Node.Branch.RANGE) {
            rangeDepth--;
        }
        ListNode elseList = null;
        Node.Keyword k = (Node.Keyword) next[0];
        if (k.kind == Node.Keyword.ELSE) {
            if (kind == Node.Branch.IF && peek().type() == Type.IF) {
                next();
                elseList = new ListNode(k.pos, new Node[] {control("if", Node.Branch.IF)});
            } else if (kind == Node.Branch.WITH && peek().type() == Type.WITH) {
                next();
                elseList = new ListNode(k.pos, new Node[] {control("with", Node.Branch.WITH)});
            } else {
                elseList = itemList(next);
                if (!(next[0] instanceof Node.Keyword e && e.kind == Node.Keyword.END)) {
                    throw errorf("expected end; found " + next[0]);
                }
            }
        }
        vars.subList(mark, vars.size()).clear();
        return new Node.Branch(kind, pipe.pos, pipe.line, pipe, list, elseList);
    }

    private Node blockControl() {
        String context = "block clause";
        Token t = nextNonSpace();
        String name = templateName(t, context);
        Node.Pipe pipe = pipeline(context, Type.RIGHT_DELIM);
        add(name, parseSubtree(context));
        return new Node.TemplateCall(t.pos(), t.line(), name, pipe);
    }

    private Node templateControl() {
        String context = "template clause";
        Token t = nextNonSpace();
        String name = templateName(t, context);
        Node.Pipe pipe = null;
        if (nextNonSpace().type() != Type.RIGHT_DELIM) {
            backup();
            pipe = pipeline(context, Type.RIGHT_DELIM);
        }
        return new Node.TemplateCall(t.pos(), t.line(), name, pipe);
    }

    private String templateName(Token t, String context) {
        if (t.type() == Type.STRING || t.type() == Type.RAW_STRING) {
            String s = GoStrconv.unquote(t.val());
            if (s == null) {
                throw errorf("invalid syntax");
            }
            return s;
        }
        unexpected(t, context);
        return null;
    }

    private Node.Pipe pipeline(String context, Type end) {
        Token first = peekNonSpace();
        boolean isAssign = false;
        List<Node.Variable> decl = new ArrayList<>();
        List<Node.Command> cmds = new ArrayList<>();
        boolean again = true;
        while (again) {
            again = false;
            Token v = peekNonSpace();
            if (v.type() != Type.VARIABLE) {
                break;
            }
            next();
            Token after = peek();
            Token nxt = peekNonSpace();
            if (nxt.type() == Type.ASSIGN || nxt.type() == Type.DECLARE) {
                isAssign = nxt.type() == Type.ASSIGN;
                nextNonSpace();
                decl.add(new Node.Variable(v.pos(), new String[] {v.val()}));
                vars.add(v.val());
            } else if (nxt.type() == Type.CHAR && nxt.val().equals(",")) {
                nextNonSpace();
                decl.add(new Node.Variable(v.pos(), new String[] {v.val()}));
                vars.add(v.val());
                if (context.equals("range") && decl.size() < 2) {
                    Type pt = peekNonSpace().type();
                    if (pt == Type.VARIABLE || pt == Type.RIGHT_DELIM || pt == Type.RIGHT_PAREN) {
                        again = true;
                        continue;
                    }
                    throw errorf("range can only initialize variables");
                }
                throw errorf("too many declarations in " + context);
            } else if (after.type() == Type.SPACE) {
                backup3(v, after);
            } else {
                backup2(v);
            }
        }
        while (true) {
            Token t = nextNonSpace();
            if (t.type() == end) {
                if (cmds.isEmpty()) {
                    throw errorf("missing value for " + context);
                }
                for (int i = 1; i < cmds.size(); i++) {
                    Node a = cmds.get(i).args[0];
                    if (a instanceof Node.Bool || a instanceof Node.Dot || a instanceof Node.Nil
                            || a instanceof Node.Number || a instanceof Node.StringLit) {
                        throw errorf("non executable command in pipeline stage " + (i + 1));
                    }
                }
                return new Node.Pipe(first.pos(), first.line(), isAssign,
                        decl.toArray(new Node.Variable[0]), cmds.toArray(new Node.Command[0]));
            }
            switch (t.type()) {
                case BOOL, CHAR_CONSTANT, COMPLEX, DOT, FIELD, IDENTIFIER, NUMBER, NIL, RAW_STRING,
                        STRING, VARIABLE, LEFT_PAREN -> {
                    backup();
                    cmds.add(command());
                }
                default -> unexpected(t, context);
            }
        }
    }

    private Node.Command command() {
        int pos = peekNonSpace().pos();
        List<Node> args = new ArrayList<>();
        while (true) {
            peekNonSpace();
            Node operand = operand();
            if (operand != null) {
                args.add(operand);
            }
            Token t = next();
            if (t.type() == Type.SPACE) {
                continue;
            }
            if (t.type() == Type.RIGHT_DELIM || t.type() == Type.RIGHT_PAREN) {
                backup();
            } else if (t.type() != Type.PIPE) {
                unexpected(t, "operand");
            }
            break;
        }
        if (args.isEmpty()) {
            throw errorf("empty command");
        }
        return new Node.Command(pos, args.toArray(new Node[0]));
    }

    private Node operand() {
        Node node = term();
        if (node == null) {
            return null;
        }
        if (peek().type() == Type.FIELD) {
            int chainPos = peek().pos();
            List<String> fields = new ArrayList<>();
            while (peek().type() == Type.FIELD) {
                fields.add(next().val().substring(1));
            }
            if (node instanceof Node.Field f) {
                List<String> all = new ArrayList<>(List.of(f.ident));
                all.addAll(fields);
                return new Node.Field(chainPos, all.toArray(new String[0]));
            }
            if (node instanceof Node.Variable v) {
                List<String> all = new ArrayList<>(List.of(v.ident));
                all.addAll(fields);
                return new Node.Variable(chainPos, all.toArray(new String[0]));
            }
            if (node instanceof Node.Bool || node instanceof Node.StringLit || node instanceof Node.Number
                    || node instanceof Node.Nil || node instanceof Node.Dot) {
                throw errorf("unexpected . after term " + GoStrconv.quote(node.toString()));
            }
            return new Node.Chain(chainPos, node, fields.toArray(new String[0]));
        }
        return node;
    }

    private Node term() {
        Token t = nextNonSpace();
        switch (t.type()) {
            case IDENTIFIER: {
                Func fn = funcs.get(t.val());
                if (fn == null) {
                    throw errorf("function " + GoStrconv.quote(t.val()) + " not defined");
                }
                return new Node.Identifier(t.pos(), t.val(), fn);
            }
            case DOT:
                return new Node.Dot(t.pos());
            case NIL:
                return new Node.Nil(t.pos());
            case VARIABLE: {
                String[] ident = t.val().split("\\.", -1);
                if (!vars.contains(ident[0])) {
                    throw errorf("undefined variable " + GoStrconv.quote(ident[0]));
                }
                return new Node.Variable(t.pos(), ident);
            }
            case FIELD:
                return new Node.Field(t.pos(), t.val().substring(1).split("\\.", -1));
            case BOOL:
                return new Node.Bool(t.pos(), t.val().equals("true"));
            case CHAR_CONSTANT:
            case COMPLEX:
            case NUMBER:
                return number(t);
            case LEFT_PAREN:
                if (stackDepth >= MAX_STACK_DEPTH) {
                    throw errorf("max expression depth exceeded");
                }
                stackDepth++;
                try {
                    return pipeline("parenthesized pipeline", Type.RIGHT_PAREN);
                } finally {
                    stackDepth--;
                }
            case STRING:
            case RAW_STRING: {
                String s = GoStrconv.unquote(t.val());
                if (s == null) {
                    throw errorf("invalid syntax");
                }
                return new Node.StringLit(t.pos(), t.val(), s);
            }
            default:
                backup();
                return null;
        }
    }

    private static final BigInteger MAX_UINT64 = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    /** Go's newNumber: every interpretation (int, uint, float) the literal allows. */
    private Node number(Token t) {
        String text = t.val();
        if (t.type() == Type.CHAR_CONSTANT) {
            StringBuilder sb = new StringBuilder();
            int[] p = {1};
            if (!GoStrconv.unquoteChar(text, p, '\'', sb)) {
                throw errorf("invalid syntax");
            }
            if (!text.substring(p[0]).equals("'")) {
                throw errorf("malformed character constant: " + text);
            }
            int r = sb.codePointAt(0);
            return new Node.Number(t.pos(), text, true, true, true, r, r);
        }
        if (t.type() == Type.COMPLEX || text.endsWith("i")) {
            throw errorf("complex constants are not supported: " + GoStrconv.quote(text));
        }
        BigInteger bi = GoStrconv.parseIntBase0(text);
        boolean isUint = bi != null && bi.signum() >= 0 && bi.compareTo(MAX_UINT64) <= 0;
        boolean isInt = bi != null && bi.bitLength() < 64;
        long i64 = isInt ? bi.longValue() : 0;
        boolean isFloat = false;
        double f64 = 0;
        if (isInt) {
            isFloat = true;
            f64 = i64;
        } else if (isUint) {
            isFloat = true;
            f64 = bi.doubleValue();
        } else {
            Double f = GoStrconv.parseFloat(text);
            if (f != null) {
                if (!text.matches(".*[.eEpP].*")) {
                    throw errorf("integer overflow: " + GoStrconv.quote(text));
                }
                isFloat = true;
                f64 = f;
                if (f64 == Math.rint(f64) && Math.abs(f64) < 9.223372036854775807E18) {
                    isInt = true;
                    i64 = (long) f64;
                }
                if (f64 == Math.rint(f64) && f64 >= 0 && f64 < 1.8446744073709552E19) {
                    isUint = true;
                }
            }
        }
        if (!isInt && !isUint && !isFloat) {
            throw errorf("illegal number syntax: " + GoStrconv.quote(text));
        }
        return new Node.Number(t.pos(), text, isInt, isUint, isFloat, i64, f64);
    }
}
