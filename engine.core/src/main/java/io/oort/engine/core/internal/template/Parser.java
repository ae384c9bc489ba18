package io.oort.engine.core.internal.template;

import io.oort.engine.core.internal.template.Node.ListNode;
import io.oort.engine.core.internal.template.Token.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Go's text/template/parse recursive-descent parser with its three-token lookahead, so that the
 * same templates are accepted and rejected with the same messages
 * ({@code template: NAME:LINE: unexpected <.> in operand}).
 */
final class Parser extends ParserBase {

    private static final int MAX_STACK_DEPTH = 10000;

    private final Map<String, Func> funcs;
    private List<String> vars = new ArrayList<>(List.of("$"));
    private int rangeDepth;
    private int stackDepth;

    private Parser(String name, String text, Map<String, Func> funcs) {
        super(name, text);
        this.funcs = funcs;
    }

    /** Parses text; returns the trees by name (the top-level one under name). */
    static Map<String, ListNode> parse(String name, String text, Map<String, Func> funcs) {
        Parser p = new Parser(name, text, funcs);
        ListNode root = p.parseTop();
        p.add(name, root);
        return p.treeSet;
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
}
