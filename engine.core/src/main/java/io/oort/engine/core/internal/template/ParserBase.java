package io.oort.engine.core.internal.template;

import io.oort.engine.core.internal.template.Node.ListNode;
import io.oort.engine.core.internal.template.Token.Type;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The parser's token lookahead (Go's three-token buffer), error reporting and tree set. */
abstract class ParserBase {

    final String parseName;
    final List<Token> toks;
    final Map<String, ListNode> treeSet = new HashMap<>();
    final Token[] token = new Token[3];
    int ti;
    int peekCount;
    int actionLine;

    ParserBase(String name, String text) {
        this.parseName = name;
        this.toks = Lexer.lex(text);
    }

    // ---- token plumbing -------------------------------------------------------------------

    Token lexNext() {
        Token t = toks.get(Math.min(ti, toks.size() - 1));
        ti++;
        return t;
    }

    Token next() {
        if (peekCount > 0) {
            peekCount--;
        } else {
            token[0] = lexNext();
        }
        return token[peekCount];
    }

    void backup() {
        peekCount++;
    }

    void backup2(Token t1) {
        token[1] = t1;
        peekCount = 2;
    }

    void backup3(Token t2, Token t1) {
        token[1] = t1;
        token[2] = t2;
        peekCount = 3;
    }

    Token peek() {
        if (peekCount > 0) {
            return token[peekCount - 1];
        }
        peekCount = 1;
        token[0] = lexNext();
        return token[0];
    }

    Token nextNonSpace() {
        Token t;
        do {
            t = next();
        } while (t.type() == Type.SPACE);
        return t;
    }

    Token peekNonSpace() {
        Token t = nextNonSpace();
        backup();
        return t;
    }

    // ---- errors ---------------------------------------------------------------------------

    TemplateException errorf(String msg) {
        int line = token[0] == null ? 1 : token[0].line();
        throw new TemplateException("template: " + parseName + ":" + line + ": " + msg);
    }

    Token expect(Type expected, String context) {
        Token t = nextNonSpace();
        if (t.type() != expected) {
            unexpected(t, context);
        }
        return t;
    }

    void unexpected(Token t, String context) {
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

    void add(String name, ListNode root) {
        ListNode existing = treeSet.get(name);
        if (existing == null || isEmptyTree(existing)) {
            treeSet.put(name, root);
            return;
        }
        if (!isEmptyTree(root)) {
            throw errorf("template: multiple definition of template " + GoStrconv.quote(name));
        }
    }

    static boolean isEmptyTree(Node n) {
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

    private static final BigInteger MAX_UINT64 = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    /** Go's newNumber: every interpretation (int, uint, float) the literal allows. */
    Node number(Token t) {
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
