package io.oort.engine.sql.function.builtin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import io.oort.engine.sql.function.builtin.JsonPath.Node;

/**
 * Parses JSONPath expressions the way gval's full language with PaesslerAG/jsonpath reads them (Go tokens, gval
 * operator precedences, jsonpath's bracket rules). Single-quoted strings of any length are accepted as strings
 * (gval would only take a one-character literal there).
 */
final class JsonPathParser {

    /** A syntax error; the message is the reason. */
    static final class ParseError extends Exception {
        private static final long serialVersionUID = 1L;

        ParseError(String message) {
            super(message, null, false, false);
        }
    }

    private static final int EOF = 0;
    private static final int IDENT = 1;
    private static final int NUMBER = 2;
    private static final int STRING = 3;
    private static final int SYMBOL = 4;

    private record Token(int kind, String text, Object value, int pos) {
        boolean is(String symbol) {
            return kind == SYMBOL && text.equals(symbol);
        }
    }

    private static final Map<String, Integer> PRECEDENCE = Map.ofEntries(
            Map.entry("??", 0), Map.entry("||", 20), Map.entry("&&", 21),
            Map.entry("==", 40), Map.entry("!=", 40), Map.entry(">", 40), Map.entry(">=", 40), Map.entry("<", 40),
            Map.entry("<=", 40), Map.entry("=~", 40), Map.entry("!~", 40), Map.entry("in", 40),
            Map.entry("^", 60), Map.entry("&", 60), Map.entry("|", 60),
            Map.entry("<<", 90), Map.entry(">>", 90),
            Map.entry("+", 120), Map.entry("-", 120),
            Map.entry("*", 150), Map.entry("/", 150), Map.entry("%", 150),
            Map.entry("**", 200));

    private static final List<String> OPERATORS = List.of("+", "-", "*", "/", "%", "**", ">", ">=", "<", "<=",
            "==", "!=", "=~", "!~", "&&", "||", "!", "^", "&", "|", "<<", ">>", "~", "??", "?");
    private static final String SYMBOL_CHARS = "+-*/%><=!~&|^?";

    private static final double MAX_INT32 = Integer.MAX_VALUE;

    private final String text;
    private final List<Token> tokens;
    private int next;

    JsonPathParser(String text) throws ParseError {
        this.text = text;
        this.tokens = lex(text);
    }

    /** The whole text as one expression. */
    Node parseAll() throws ParseError {
        Node n = parseExpression();
        Token t = scan();
        if (t.kind != EOF) {
            throw unexpected(t, "operator");
        }
        return n;
    }

    // --------------------------------------------------------------------------------------------- tokens

    private Token scan() {
        return tokens.get(Math.min(next++, tokens.size() - 1));
    }

    private void unscan() {
        next--;
    }

    private ParseError unexpected(Token t, String while_) {
        String what = switch (t.kind) {
            case EOF -> "EOF";
            case IDENT -> "Ident " + t.text;
            case NUMBER -> "Number " + t.text;
            case STRING -> "String " + t.text;
            default -> "\"" + t.text + "\"";
        };
        return new ParseError("1:" + (t.pos + 1) + " unexpected " + what + " while scanning " + while_);
    }

    private static boolean isOperatorPrefix(String op) {
        for (String o : OPERATORS) {
            if (o.startsWith(op)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Numbers are ASCII digits only, as in Go's text/scanner (which the eKuiper JSON path library lexes with);
     * Character.isDigit would accept any Unicode digit, which Double.parseDouble then rejects.
     */
    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static List<Token> lex(String s) throws ParseError {
        List<Token> out = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (true) {
            while (i < n && (s.charAt(i) == ' ' || s.charAt(i) == '\t' || s.charAt(i) == '\n'
                    || s.charAt(i) == '\r')) {
                i++;
            }
            if (i >= n) {
                out.add(new Token(EOF, "", null, i));
                return out;
            }
            char c = s.charAt(i);
            int start = i;
            if (Character.isLetter(c) || c == '_') {
                while (i < n && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_')) {
                    i++;
                }
                out.add(new Token(IDENT, s.substring(start, i), null, start));
            } else if (c >= '0' && c <= '9' || c == '.' && i + 1 < n && isAsciiDigit(s.charAt(i + 1))) {
                while (i < n && isAsciiDigit(s.charAt(i))) {
                    i++;
                }
                if (i < n && s.charAt(i) == '.') {
                    i++;
                    while (i < n && isAsciiDigit(s.charAt(i))) {
                        i++;
                    }
                }
                if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
                    int save = i;
                    i++;
                    if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                        i++;
                    }
                    if (i < n && isAsciiDigit(s.charAt(i))) {
                        while (i < n && isAsciiDigit(s.charAt(i))) {
                            i++;
                        }
                    } else {
                        i = save;
                    }
                }
                String num = s.substring(start, i);
                out.add(new Token(NUMBER, num, Double.parseDouble(num), start));
            } else if (c == '"' || c == '\'' || c == '`') {
                int[] end = new int[1];
                String v = c == '`' ? raw(s, i, end) : quoted(s, i, c, end);
                i = end[0];
                out.add(new Token(STRING, s.substring(start, i), v, start));
            } else if (SYMBOL_CHARS.indexOf(c) >= 0) {
                StringBuilder op = new StringBuilder().append(c);
                i++;
                while (i < n && SYMBOL_CHARS.indexOf(s.charAt(i)) >= 0 && isOperatorPrefix(op.toString()
                        + s.charAt(i))) {
                    op.append(s.charAt(i));
                    i++;
                }
                out.add(new Token(SYMBOL, op.toString(), null, start));
            } else {
                out.add(new Token(SYMBOL, String.valueOf(c), null, start));
                i++;
            }
        }
    }

    private static String raw(String s, int i, int[] end) throws ParseError {
        int close = s.indexOf('`', i + 1);
        if (close < 0) {
            throw new ParseError("1:" + (i + 1) + " literal not terminated");
        }
        end[0] = close + 1;
        return s.substring(i + 1, close);
    }

    /** A Go-style quoted string (strconv.Unquote escapes). */
    private static String quoted(String s, int i, char quote, int[] end) throws ParseError {
        StringBuilder b = new StringBuilder();
        int j = i + 1;
        while (true) {
            if (j >= s.length() || s.charAt(j) == '\n') {
                throw new ParseError("1:" + (i + 1) + " literal not terminated");
            }
            char c = s.charAt(j);
            if (c == quote) {
                end[0] = j + 1;
                return b.toString();
            }
            if (c != '\\') {
                b.append(c);
                j++;
                continue;
            }
            if (j + 1 >= s.length()) {
                throw new ParseError("1:" + (i + 1) + " literal not terminated");
            }
            char e = s.charAt(j + 1);
            j += 2;
            switch (e) {
                case 'a' -> b.append('\u0007');
                case 'b' -> b.append('\b');
                case 'f' -> b.append('\f');
                case 'n' -> b.append('\n');
                case 'r' -> b.append('\r');
                case 't' -> b.append('\t');
                case 'v' -> b.append('\u000b');
                case '\\', '\'', '"' -> b.append(e);
                case 'x', 'u', 'U' -> {
                    int len = e == 'x' ? 2 : e == 'u' ? 4 : 8;
                    if (j + len > s.length()) {
                        throw new ParseError("could not parse string: invalid syntax");
                    }
                    try {
                        b.appendCodePoint(Integer.parseInt(s.substring(j, j + len), 16));
                    } catch (IllegalArgumentException ex) {
                        throw new ParseError("could not parse string: invalid syntax");
                    }
                    j += len;
                }
                default -> {
                    if (e >= '0' && e <= '7' && j + 2 <= s.length()) {
                        try {
                            b.append((char) Integer.parseInt(s.substring(j - 1, j + 2), 8));
                        } catch (NumberFormatException ex) {
                            throw new ParseError("could not parse string: invalid syntax");
                        }
                        j += 2;
                    } else {
                        throw new ParseError("could not parse string: invalid syntax");
                    }
                }
            }
        }
    }

    // ----------------------------------------------------------------------------------------- expressions

    /** gval's ParseExpression: operands joined by infix operators, by precedence, left-associative. */
    private Node parseExpression() throws ParseError {
        return parseBinary(0);
    }

    private Node parseBinary(int minPrecedence) throws ParseError {
        Node left = parseNext();
        while (true) {
            Token t = scan();
            String op = t.kind == SYMBOL || t.kind == IDENT ? t.text : null;
            Integer p = op == null ? null : PRECEDENCE.get(op);
            if (p == null || p < minPrecedence) {
                unscan();
                return left;
            }
            Node right = parseBinary(p + 1);
            left = binary(op, left, right);
        }
    }

    private static Node binary(String op, Node left, Node right) throws ParseError {
        Pattern regex = null;
        if ((op.equals("=~") || op.equals("!~")) && right.isConst()) {
            try {
                regex = Pattern.compile(io.oort.engine.sql.value.GoFormat.v(right.eval(null)));
            } catch (PatternSyntaxException | JsonPath.Failure e) {
                throw new ParseError("error parsing regexp: " + e.getMessage());
            }
        }
        return new JsonPath.Binary(op, left, right, regex);
    }

    /** gval's ParseNextExpression: one operand with its prefix operators. */
    private Node parseNext() throws ParseError {
        Token t = scan();
        switch (t.kind) {
            case NUMBER, STRING:
                return new JsonPath.Const(t.value);
            case IDENT:
                if (t.text.equals("true")) {
                    return new JsonPath.Const(Boolean.TRUE);
                }
                if (t.text.equals("false")) {
                    return new JsonPath.Const(Boolean.FALSE);
                }
                return variable(t);
            case EOF:
                throw unexpected(t, "extensions");
            default:
                break;
        }
        switch (t.text) {
            case "$":
                return path(true);
            case "@":
                return path(false);
            case "(": {
                Node inner = parseExpression();
                Token close = scan();
                if (!close.is(")")) {
                    throw unexpected(close, "parentheses");
                }
                return inner;
            }
            case "-", "!", "~":
                return new JsonPath.Unary(t.text.charAt(0), parseNext());
            case "[": {
                List<Node> elements = new ArrayList<>();
                while (true) {
                    Token e = scan();
                    if (e.is("]")) {
                        return new JsonPath.ArrayLiteral(elements.toArray(new Node[0]));
                    }
                    if (e.is(",")) {
                        continue;
                    }
                    unscan();
                    elements.add(parseExpression());
                }
            }
            default:
                throw unexpected(t, "extensions");
        }
    }

    private Node variable(Token first) throws ParseError {
        List<Node> keys = new ArrayList<>();
        keys.add(new JsonPath.Const(first.text));
        while (true) {
            Token t = scan();
            if (t.is(".")) {
                Token f = scan();
                if (f.kind != IDENT) {
                    throw unexpected(f, "field");
                }
                keys.add(new JsonPath.Const(f.text));
            } else if (t.is("[")) {
                keys.add(parseExpression());
                Token close = scan();
                if (!close.is("]")) {
                    throw unexpected(close, "array key");
                }
            } else if (t.is("(")) {
                throw new ParseError("unknown function " + first.text);
            } else {
                unscan();
                return new JsonPath.Variable(keys.toArray(new Node[0]));
            }
        }
    }

    // ---------------------------------------------------------------------------------------------- paths

    private Node path(boolean fromRoot) throws ParseError {
        List<Object> selectors = new ArrayList<>();
        parsePath(selectors);
        boolean ambiguous = selectors.stream().anyMatch(s -> s instanceof JsonPath.Branch);
        return new JsonPath.PathNode(fromRoot, selectors.toArray(), ambiguous);
    }

    private void parsePath(List<Object> selectors) throws ParseError {
        while (true) {
            Token t = scan();
            if (t.is(".")) {
                parseSelect(selectors);
                continue;
            }
            if (t.is("[")) {
                Bracket b = parseBracket();
                switch (b.separator) {
                    case ":" -> selectors.add(range(b.keys));
                    case "?" -> {
                        if (b.keys.size() != 1) {
                            throw new ParseError("filter needs exactly one key");
                        }
                        selectors.add(new JsonPath.Filter(b.keys.get(0)));
                    }
                    default -> selectors.add(b.keys.size() == 1 ? new JsonPath.Direct(b.keys.get(0))
                            : multi(b.keys));
                }
                continue;
            }
            if (t.is("(")) {
                selectors.add(new JsonPath.Script(script()));
                continue;
            }
            unscan();
            return;
        }
    }

    /** After a dot: a key, {@code *}, or a second dot (recursive descent). */
    private void parseSelect(List<Object> selectors) throws ParseError {
        Token t = scan();
        if (t.kind == IDENT) {
            selectors.add(new JsonPath.Direct(new JsonPath.Const(t.text)));
            return;
        }
        if (t.is(".")) {
            selectors.add(new JsonPath.Mapper());
            parseMapper(selectors);
            return;
        }
        if (t.is("*")) {
            selectors.add(new JsonPath.Star());
            return;
        }
        throw unexpected(t, "JSON select");
    }

    private void parseMapper(List<Object> selectors) throws ParseError {
        Token t = scan();
        if (t.kind == IDENT) {
            selectors.add(new JsonPath.Direct(new JsonPath.Const(t.text)));
        } else if (t.is("[")) {
            Bracket b = parseBracket();
            switch (b.separator) {
                case ":" -> throw new ParseError("mapper can not be combined with range query");
                case "?" -> {
                    if (b.keys.size() != 1) {
                        throw new ParseError("filter needs exactly one key");
                    }
                    selectors.add(new JsonPath.Filter(b.keys.get(0)));
                }
                default -> selectors.add(multi(b.keys));
            }
        } else if (t.is("*")) {
            selectors.add(new JsonPath.Star());
        } else if (t.is("(")) {
            selectors.add(new JsonPath.Script(script()));
        } else {
            throw unexpected(t, "JSON mapper");
        }
    }

    private Node script() throws ParseError {
        Node e = parseExpression();
        Token close = scan();
        if (!close.is(")")) {
            throw unexpected(close, "jsonpath script");
        }
        return e;
    }

    private static Object multi(List<Node> keys) {
        return keys.isEmpty() ? new JsonPath.Star() : new JsonPath.Multi(keys.toArray(new Node[0]));
    }

    private static Object range(List<Node> keys) throws ParseError {
        if (keys.size() > 3) {
            throw new ParseError("range query has at least the parameter [min:max:step]");
        }
        Node[] defaults = {new JsonPath.Const(0.0), new JsonPath.Const(MAX_INT32), new JsonPath.Const(1.0)};
        Node[] k = new Node[3];
        for (int i = 0; i < 3; i++) {
            k[i] = i < keys.size() ? keys.get(i) : defaults[i];
        }
        return new JsonPath.Range(k[0], k[1], k[2]);
    }

    private record Bracket(List<Node> keys, String separator) {
    }

    /** jsonpath's parseBracket: keys separated by all commas or all colons, or one filter after '?'. */
    private Bracket parseBracket() throws ParseError {
        List<Node> keys = new ArrayList<>();
        String separator = null;
        while (true) {
            Token t = scan();
            boolean skipScan = false;
            if (t.is("?")) {
                skipScan = true;
            } else if (t.is(":")) {
                keys.add(new JsonPath.Const(keys.size() == 1 ? MAX_INT32 : 0.0));
                skipScan = true;
            } else if (t.is("*")) {
                Token close = scan();
                if (!close.is("]")) {
                    throw unexpected(close, "JSON bracket star");
                }
                return new Bracket(List.of(), "");
            } else if (t.is("]") && ":".equals(separator)) {
                skipScan = true;
            } else {
                unscan();
                keys.add(parseExpression());
            }
            if (!skipScan) {
                t = scan();
            }
            String sep = t.kind == SYMBOL ? t.text : t.kind == EOF ? "EOF" : t.text;
            if (separator == null) {
                separator = sep;
            }
            switch (sep) {
                case ":", ",":
                    break;
                case "]":
                    return new Bracket(keys, separator);
                case "?":
                    if (!keys.isEmpty()) {
                        throw unexpected(t, "JSON filter");
                    }
                    break;
                default:
                    throw unexpected(t, "JSON bracket separator");
            }
            if (!separator.equals(sep)) {
                throw new ParseError("mixed " + separator + " and " + sep + " in JSON bracket");
            }
        }
    }
}
