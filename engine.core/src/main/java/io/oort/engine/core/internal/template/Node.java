package io.oort.engine.core.internal.template;

/**
 * The parse tree. Each node keeps its char position in the template text (for Go-style
 * {@code name:line:col} error locations) and renders itself the way Go's parse nodes do, since
 * that text appears in execution errors ({@code executing "sink" at <index . 0 "a">}).
 */
abstract class Node {

    final int pos;

    Node(int pos) {
        this.pos = pos;
    }

    abstract void writeTo(StringBuilder sb);

    @Override
    public final String toString() {
        StringBuilder sb = new StringBuilder();
        writeTo(sb);
        return sb.toString();
    }

    static final class Text extends Node {
        final String text;

        Text(int pos, String text) {
            super(pos);
            this.text = text;
        }

        @Override
        void writeTo(StringBuilder sb) {
            sb.append(text);
        }
    }

    static final class ListNode extends Node {
        final Node[] nodes;

        ListNode(int pos, Node[] nodes) {
            super(pos);
            this.nodes = nodes;
        }

        @Override
        void writeTo(StringBuilder sb) {
            for (Node n : nodes) {
                n.writeTo(sb);
            }
        }
    }

    static final class Pipe extends Node {
        final int line;
        final boolean isAssign;
        final Variable[] decl;
        final Command[] cmds;

        Pipe(int pos, int line, boolean isAssign, Variable[] decl, Command[] cmds) {
            super(pos);
            this.line = line;
            this.isAssign = isAssign;
            this.decl = decl;
            this.cmds = cmds;
        }

        @Override
        void writeTo(StringBuilder sb) {
            if (decl.length > 0) {
                for (int i = 0; i < decl.length; i++) {
                    if (i > 0) {
                        sb.append(", ");
                    }
                    decl[i].writeTo(sb);
                }
                sb.append(" := ");
            }
            for (int i = 0; i < cmds.length; i++) {
                if (i > 0) {
                    sb.append(" | ");
                }
                cmds[i].writeTo(sb);
            }
        }
    }

    static final class Action extends Node {
        final Pipe pipe;

        Action(int pos, Pipe pipe) {
            super(pos);
            this.pipe = pipe;
        }

        @Override
        void writeTo(StringBuilder sb) {
            sb.append("{{");
            pipe.writeTo(sb);
            sb.append("}}");
        }
    }

    static final class Command extends Node {
        final Node[] args;

        Command(int pos, Node[] args) {
            super(pos);
            this.args = args;
        }

        @Override
        void writeTo(StringBuilder sb) {
            for (int i = 0; i < args.length; i++) {
                if (i > 0) {
                    sb.append(' ');
                }
                if (args[i] instanceof Pipe) {
                    sb.append('(');
                    args[i].writeTo(sb);
                    sb.append(')');
                } else {
                    args[i].writeTo(sb);
                }
            }
        }
    }

    static final class Identifier extends Node {
        final String ident;
        final Func fn;

        Identifier(int pos, String ident, Func fn) {
            super(pos);
            this.ident = ident;
            this.fn = fn;
        }

        @Override
        void writeTo(StringBuilder sb) {
            sb.append(ident);
        }
    }

    static final class Variable extends Node {
        final String[] ident;

        Variable(int pos, String[] ident) {
            super(pos);
            this.ident = ident;
        }

        @Override
        void writeTo(StringBuilder sb) {
            sb.append(String.join(".", ident));
        }
    }

    static final class Dot extends Node {
        Dot(int pos) {
            super(pos);
        }

        @Override
        void writeTo(StringBuilder sb) {
            sb.append('.');
        }
    }

    static final class Nil extends Node {
        Nil(int pos) {
            super(pos);
        }

        @Override
        void writeTo(StringBuilder sb) {
            sb.append("nil");
        }
    }

    static final class Field extends Node {
        final String[] ident;

        Field(int pos, String[] ident) {
            super(pos);
            this.ident = ident;
        }

        @Override
        void writeTo(StringBuilder sb) {
            for (String id : ident) {
                sb.append('.').append(id);
            }
        }
    }

    static final class Chain extends Node {
        final Node node;
        final String[] fields;

        Chain(int pos, Node node, String[] fields) {
            super(pos);
            this.node = node;
            this.fields = fields;
        }

        @Override
        void writeTo(StringBuilder sb) {
            if (node instanceof Pipe) {
                sb.append('(');
                node.writeTo(sb);
                sb.append(')');
            } else {
                node.writeTo(sb);
            }
            for (String f : fields) {
                sb.append('.').append(f);
            }
        }
    }

    static final class Bool extends Node {
        final boolean value;

        Bool(int pos, boolean value) {
            super(pos);
            this.value = value;
        }

        @Override
        void writeTo(StringBuilder sb) {
            sb.append(value);
        }
    }

    /** A number literal with all the interpretations Go's NumberNode records. */
    static final class Number extends Node {
        final String text;
        final boolean isInt;
        final boolean isUint;
        final boolean isFloat;
        final long int64;
        final double float64;

        Number(int pos, String text, boolean isInt, boolean isUint, boolean isFloat, long int64, double float64) {
            super(pos);
            this.text = text;
            this.isInt = isInt;
            this.isUint = isUint;
            this.isFloat = isFloat;
            this.int64 = int64;
            this.float64 = float64;
        }

        @Override
        void writeTo(StringBuilder sb) {
            sb.append(text);
        }
    }

    static final class StringLit extends Node {
        final String quoted;
        final String text;

        StringLit(int pos, String quoted, String text) {
            super(pos);
            this.quoted = quoted;
            this.text = text;
        }

        @Override
        void writeTo(StringBuilder sb) {
            sb.append(quoted);
        }
    }

    /** if, range and with. */
    static final class Branch extends Node {
        static final int IF = 0;
        static final int RANGE = 1;
        static final int WITH = 2;
        final int kind;
        final int line;
        final Pipe pipe;
        final ListNode list;
        final ListNode elseList;

        Branch(int kind, int pos, int line, Pipe pipe, ListNode list, ListNode elseList) {
            super(pos);
            this.kind = kind;
            this.line = line;
            this.pipe = pipe;
            this.list = list;
            this.elseList = elseList;
        }

        @Override
        void writeTo(StringBuilder sb) {
            sb.append("{{").append(kind == IF ? "if" : kind == RANGE ? "range" : "with").append(' ');
            pipe.writeTo(sb);
            sb.append("}}");
            list.writeTo(sb);
            if (elseList != null) {
                sb.append("{{else}}");
                elseList.writeTo(sb);
            }
            sb.append("{{end}}");
        }
    }

    static final class TemplateCall extends Node {
        final int line;
        final String name;
        final Pipe pipe;

        TemplateCall(int pos, int line, String name, Pipe pipe) {
            super(pos);
            this.line = line;
            this.name = name;
            this.pipe = pipe;
        }

        @Override
        void writeTo(StringBuilder sb) {
            sb.append("{{template ").append(GoStrconv.quote(name));
            if (pipe != null) {
                sb.append(' ');
                pipe.writeTo(sb);
            }
            sb.append("}}");
        }
    }

    /** break, continue, and the parse-only else and end markers. */
    static final class Keyword extends Node {
        static final int BREAK = 0;
        static final int CONTINUE = 1;
        static final int ELSE = 2;
        static final int END = 3;
        final int kind;
        final int line;

        Keyword(int kind, int pos, int line) {
            super(pos);
            this.kind = kind;
            this.line = line;
        }

        @Override
        void writeTo(StringBuilder sb) {
            sb.append(switch (kind) {
                case BREAK -> "{{break}}";
                case CONTINUE -> "{{continue}}";
                case ELSE -> "{{else}}";
                default -> "{{end}}";
            });
        }
    }
}
