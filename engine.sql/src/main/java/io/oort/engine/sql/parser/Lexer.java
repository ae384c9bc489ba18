package io.oort.engine.sql.parser;

import java.util.Locale;
import java.util.Map;

import io.oort.engine.sql.ast.Pos;

/**
 * Scans eKuiper SQL into tokens, as eKuiper's scanner does: ASCII identifiers, backquoted identifiers, double- or
 * single-quoted strings with Go escapes, integers and decimals (a '-' followed by a number in operand position
 * is a negative literal: the parser decides), operators that may contain spaces ({@code < =}),
 * {@code --} and {@code /* *}{@code /} comments. Oort also reads {@code <>} as {@code !=}.
 */
public final class Lexer {

    private static final Map<String, TokenType> KEYWORDS = Map.ofEntries(
            Map.entry("SELECT", TokenType.SELECT), Map.entry("AS", TokenType.AS), Map.entry("FROM", TokenType.FROM),
            Map.entry("WHERE", TokenType.WHERE), Map.entry("AND", TokenType.AND), Map.entry("OR", TokenType.OR),
            Map.entry("GROUP", TokenType.GROUP), Map.entry("HAVING", TokenType.HAVING),
            Map.entry("ORDER", TokenType.ORDER), Map.entry("BY", TokenType.BY), Map.entry("DESC", TokenType.DESC),
            Map.entry("ASC", TokenType.ASC), Map.entry("FILTER", TokenType.FILTER), Map.entry("INNER", TokenType.INNER),
            Map.entry("LEFT", TokenType.LEFT), Map.entry("RIGHT", TokenType.RIGHT), Map.entry("FULL", TokenType.FULL),
            Map.entry("CROSS", TokenType.CROSS), Map.entry("JOIN", TokenType.JOIN), Map.entry("ON", TokenType.ON),
            Map.entry("CASE", TokenType.CASE), Map.entry("WHEN", TokenType.WHEN), Map.entry("THEN", TokenType.THEN),
            Map.entry("DEFAULT", TokenType.DEFAULT), Map.entry("ELSE", TokenType.ELSE), Map.entry("END", TokenType.END),
            Map.entry("IN", TokenType.IN), Map.entry("NOT", TokenType.NOT), Map.entry("BETWEEN", TokenType.BETWEEN),
            Map.entry("LIKE", TokenType.LIKE), Map.entry("OVER", TokenType.OVER),
            Map.entry("PARTITION", TokenType.PARTITION), Map.entry("REPLACE", TokenType.REPLACE),
            Map.entry("EXCEPT", TokenType.EXCEPT), Map.entry("INVISIBLE", TokenType.INVISIBLE),
            Map.entry("TRUE", TokenType.TRUE), Map.entry("FALSE", TokenType.FALSE), Map.entry("LIMIT", TokenType.LIMIT),
            Map.entry("DD", TokenType.DD), Map.entry("HH", TokenType.HH), Map.entry("MI", TokenType.MI),
            Map.entry("SS", TokenType.SS), Map.entry("MS", TokenType.MS));

    private final String src;
    private int i;
    private int line = 1;
    private int lineStart;

    public Lexer(String src) {
        this.src = src;
    }

    private Pos pos(int at) {
        return new Pos(line, at - lineStart + 1);
    }

    private int peek() {
        return i < src.length() ? src.charAt(i) : -1;
    }

    private int read() {
        if (i >= src.length()) {
            i++;
            return -1;
        }
        char c = src.charAt(i++);
        if (c == '\n') {
            line++;
            lineStart = i;
        }
        return c;
    }

    private void skipWhitespace() {
        while (i < src.length() && isWhitespace(src.charAt(i))) {
            read();
        }
    }

    private static boolean isWhitespace(int c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    private static boolean isLetter(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    /** The next token, skipping whitespace and comments. */
    public Token next() {
        while (true) {
            skipWhitespace();
            int start = i;
            Pos p = pos(start);
            int c = read();
            if (c == -1) {
                i = src.length();
                return new Token(TokenType.EOF, "", p);
            }
            if (isLetter(c)) {
                i = start;
                return ident(p);
            }
            if (c == '"' || c == '\'') {
                return string((char) c, p);
            }
            if (isDigit(c)) {
                i = start;
                return number(p, false, false);
            }
            if (c == '`') {
                StringBuilder sb = new StringBuilder();
                int ch;
                while ((ch = read()) != -1 && ch != '`') {
                    sb.append((char) ch);
                }
                if (ch == -1) {
                    return new Token(TokenType.ILLEGAL, "unterminated backquoted identifier `" + sb, p);
                }
                return new Token(TokenType.IDENT, sb.toString(), p);
            }
            switch (c) {
                case '=':
                    return new Token(TokenType.EQ, "=", p);
                case '!':
                    skipWhitespace();
                    if (peek() == '=') {
                        read();
                        return new Token(TokenType.NEQ, "!=", p);
                    }
                    return new Token(TokenType.ILLEGAL, "!", p);
                case '<':
                    skipWhitespace();
                    if (peek() == '=') {
                        read();
                        return new Token(TokenType.LTE, "<=", p);
                    }
                    if (peek() == '>') {
                        read();
                        return new Token(TokenType.NEQ, "<>", p);
                    }
                    return new Token(TokenType.LT, "<", p);
                case '>':
                    skipWhitespace();
                    if (peek() == '=') {
                        read();
                        return new Token(TokenType.GTE, ">=", p);
                    }
                    return new Token(TokenType.GT, ">", p);
                case '+':
                    return new Token(TokenType.ADD, "+", p);
                case '-': {
                    if (peek() == '-') {
                        while ((c = read()) != -1 && c != '\n') {
                            // line comment
                        }
                        continue;
                    }
                    int save = i;
                    int saveLine = line;
                    int saveLineStart = lineStart;
                    skipWhitespace();
                    if (peek() == '>') {
                        read();
                        return new Token(TokenType.ARROW, "->", p);
                    }
                    i = save;
                    line = saveLine;
                    lineStart = saveLineStart;
                    return new Token(TokenType.SUB, "-", p);
                }
                case '/':
                    if (peek() == '*') {
                        read();
                        if (!skipBlockComment()) {
                            return new Token(TokenType.ILLEGAL, "unterminated comment", p);
                        }
                        continue;
                    }
                    return new Token(TokenType.DIV, "/", p);
                case '.':
                    if (isDigit(peek())) {
                        i = start + 1;
                        return number(p, true, false);
                    }
                    return new Token(TokenType.DOT, ".", p);
                case '%':
                    return new Token(TokenType.MOD, "%", p);
                case '&':
                    return new Token(TokenType.BIT_AND, "&", p);
                case '|':
                    return new Token(TokenType.BIT_OR, "|", p);
                case '^':
                    return new Token(TokenType.BIT_XOR, "^", p);
                case '*':
                    return new Token(TokenType.ASTERISK, "*", p);
                case ',':
                    return new Token(TokenType.COMMA, ",", p);
                case '(':
                    return new Token(TokenType.LPAREN, "(", p);
                case ')':
                    return new Token(TokenType.RPAREN, ")", p);
                case '[':
                    return new Token(TokenType.LBRACKET, "[", p);
                case ']':
                    return new Token(TokenType.RBRACKET, "]", p);
                case ':':
                    return new Token(TokenType.COLON, ":", p);
                case '#':
                    return new Token(TokenType.HASH, "#", p);
                case ';':
                    return new Token(TokenType.SEMICOLON, ";", p);
                default:
                    return new Token(TokenType.ILLEGAL, new String(Character.toChars(c)), p);
            }
        }
    }

    private boolean skipBlockComment() {
        int c;
        while ((c = read()) != -1) {
            if (c == '*' && peek() == '/') {
                read();
                return true;
            }
        }
        return false;
    }

    private Token ident(Pos p) {
        int start = i;
        read();
        while (i < src.length()) {
            char ch = src.charAt(i);
            if (!isLetter(ch) && !isDigit(ch) && ch != '_') {
                break;
            }
            read();
        }
        String word = src.substring(start, i);
        String upper = word.toUpperCase(Locale.ROOT);
        TokenType kw = KEYWORDS.get(upper);
        return kw != null ? new Token(kw, upper, p) : new Token(TokenType.IDENT, word, p);
    }

    private Token number(Pos p, boolean startsWithDot, boolean negative) {
        StringBuilder sb = new StringBuilder();
        if (negative) {
            sb.append('-');
        }
        if (startsWithDot) {
            sb.append('.');
        }
        boolean decimal = startsWithDot;
        while (i < src.length()) {
            char ch = src.charAt(i);
            if (isDigit(ch)) {
                sb.append(ch);
            } else if (ch == '.') {
                decimal = true;
                sb.append(ch);
            } else {
                break;
            }
            read();
        }
        return new Token(decimal ? TokenType.NUMBER : TokenType.INTEGER, sb.toString(), p);
    }

    private Token string(char quote, Pos p) {
        StringBuilder sb = new StringBuilder();
        while (true) {
            int c = read();
            if (c == -1) {
                return new Token(TokenType.BADSTRING, sb.toString(), p);
            }
            if (c == quote) {
                return new Token(TokenType.STRING, sb.toString(), p);
            }
            if (c == '\\') {
                int e = read();
                switch (e) {
                    case -1 -> {
                        return new Token(TokenType.BADSTRING, sb.toString(), p);
                    }
                    case 'n' -> sb.append('\n');
                    case 't' -> sb.append('\t');
                    case 'r' -> sb.append('\r');
                    case 'a' -> sb.append('\u0007');
                    case 'b' -> sb.append('\b');
                    case 'f' -> sb.append('\f');
                    case 'v' -> sb.append('\u000b');
                    case '\\' -> sb.append('\\');
                    case '"' -> sb.append('"');
                    case '\'' -> sb.append('\'');
                    case 'x' -> {
                        String hex = take(2);
                        if (hex == null) {
                            return new Token(TokenType.ILLEGAL, "invalid string: bad \\x escape", p);
                        }
                        sb.append((char) Integer.parseInt(hex, 16));
                    }
                    case 'u', 'U' -> {
                        String hex = take(e == 'u' ? 4 : 8);
                        if (hex == null) {
                            return new Token(TokenType.ILLEGAL, "invalid string: bad \\" + (char) e + " escape", p);
                        }
                        long cp = Long.parseLong(hex, 16);
                        // as Go's strconv: no surrogate halves, nothing above U+10FFFF
                        if (cp > Character.MAX_CODE_POINT || (cp >= 0xD800 && cp <= 0xDFFF)) {
                            return new Token(TokenType.ILLEGAL, "invalid string: bad \\" + (char) e + " escape", p);
                        }
                        sb.appendCodePoint((int) cp);
                    }
                    default -> {
                        if (e >= '0' && e <= '7') {
                            String oct = (char) e + take(2, "01234567");
                            if (oct.length() != 3 || Integer.parseInt(oct, 8) > 0xFF) {
                                return new Token(TokenType.ILLEGAL, "invalid string: bad octal escape", p);
                            }
                            sb.append((char) Integer.parseInt(oct, 8));
                        } else {
                            return new Token(TokenType.ILLEGAL,
                                    "invalid string: unknown escape \\" + (char) e + " in " + quote + sb + "...", p);
                        }
                    }
                }
                continue;
            }
            sb.append((char) c);
        }
    }

    private String take(int n) {
        String s = take(n, "0123456789abcdefABCDEF");
        return s.length() == n ? s : null;
    }

    private String take(int n, String allowed) {
        StringBuilder sb = new StringBuilder();
        while (sb.length() < n && i < src.length() && allowed.indexOf(src.charAt(i)) >= 0) {
            sb.append((char) read());
        }
        return sb.toString();
    }
}
