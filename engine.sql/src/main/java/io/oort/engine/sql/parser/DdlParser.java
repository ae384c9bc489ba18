package io.oort.engine.sql.parser;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;

import io.oort.engine.sql.ast.CatalogStatement;
import io.oort.engine.sql.ast.DataType;
import io.oort.engine.sql.ast.Pos;
import io.oort.engine.sql.ast.Statement;
import io.oort.engine.sql.ast.StreamField;
import io.oort.engine.sql.ast.StreamOptions;
import io.oort.engine.sql.ast.StreamStatement;

/** CREATE STREAM|TABLE and the catalog statements, with eKuiper's validation messages. */
final class DdlParser {

    private static final JsonFactory JSON = new JsonFactory();

    private final TokenStream ts;

    DdlParser(TokenStream ts) {
        this.ts = ts;
    }

    Statement create() throws ParseException {
        Pos pos = ts.next().pos(); // CREATE
        boolean table;
        if (ts.acceptWord("STREAM")) {
            table = false;
        } else if (ts.acceptWord("TABLE")) {
            table = true;
        } else {
            throw ts.found("keyword stream or table");
        }
        if (!ts.at(TokenType.IDENT)) {
            throw ts.found("stream name");
        }
        String name = ts.next().text();
        if (!ts.accept(TokenType.LPAREN)) {
            throw ts.found("lparen after stream name");
        }
        List<StreamField> fields = new ArrayList<>();
        if (!ts.accept(TokenType.RPAREN)) {
            fields = fieldList();
        }
        if (!ts.acceptWord("WITH")) {
            throw ts.found("is with");
        }
        StreamOptions opts = options();
        ts.accept(TokenType.SEMICOLON);
        if (!ts.at(TokenType.EOF)) {
            throw ts.found("semicolon or EOF");
        }
        StreamStatement st = new StreamStatement(pos, name, table, fields, opts);
        validate(st);
        return st;
    }

    /** Fields up to and including the closing parenthesis. */
    private List<StreamField> fieldList() throws ParseException {
        List<StreamField> fields = new ArrayList<>();
        while (true) {
            fields.add(field());
            if (ts.accept(TokenType.COMMA)) {
                continue;
            }
            if (ts.accept(TokenType.RPAREN)) {
                return fields;
            }
            throw ts.found("comma or rparen");
        }
    }

    private StreamField field() throws ParseException {
        if (!ts.at(TokenType.IDENT)) {
            throw ts.found("stream field name");
        }
        String name = ts.next().text();
        DataType type = type();
        Object dflt = null;
        if (ts.accept(TokenType.DEFAULT)) {
            dflt = defaultValue(type);
        }
        return new StreamField(name, type, dflt);
    }

    private DataType type() throws ParseException {
        Token t = ts.peek();
        String word = t.text().toUpperCase(Locale.ROOT);
        switch (word) {
            case "BIGINT", "FLOAT", "STRING", "DATETIME", "BOOLEAN", "BYTEA" -> {
                ts.next();
                return new DataType.Basic(DataType.Kind.valueOf(word));
            }
            case "ARRAY" -> {
                ts.next();
                if (!ts.accept(TokenType.LPAREN)) {
                    throw ts.found("lparen in array type definition");
                }
                DataType element = type();
                if (!ts.accept(TokenType.RPAREN)) {
                    throw ts.found("rparen in array type definition");
                }
                return new DataType.Array(element);
            }
            case "STRUCT" -> {
                ts.next();
                if (!ts.accept(TokenType.LPAREN)) {
                    throw ts.found("lparen in struct type definition");
                }
                if (ts.accept(TokenType.RPAREN)) {
                    return new DataType.Struct(List.of());
                }
                return new DataType.Struct(fieldList());
            }
            default -> throw new ParseException("found \"" + t.shown()
                    + "\", expect valid stream field types(BIGINT | FLOAT | STRING | DATETIME | BOOLEAN | BYTEA | ARRAY | STRUCT).",
                    t.pos());
        }
    }

    private Object defaultValue(DataType type) throws ParseException {
        Token t = ts.next();
        String text = t.text();
        if (t.type() == TokenType.SUB && (ts.at(TokenType.INTEGER) || ts.at(TokenType.NUMBER))) {
            Token n = ts.next();
            t = n;
            text = "-" + n.text();
        }
        DataType.Kind k = type.kind();
        try {
            switch (t.type()) {
                case INTEGER -> {
                    if (k == DataType.Kind.BIGINT) {
                        return Long.parseLong(text);
                    }
                    if (k == DataType.Kind.FLOAT) {
                        return Double.parseDouble(text);
                    }
                }
                case NUMBER -> {
                    if (k == DataType.Kind.FLOAT) {
                        return Double.parseDouble(text);
                    }
                }
                case STRING -> {
                    if (k == DataType.Kind.STRING) {
                        return text;
                    }
                }
                case TRUE, FALSE -> {
                    if (k == DataType.Kind.BOOLEAN) {
                        return t.type() == TokenType.TRUE;
                    }
                }
                default -> throw new ParseException("found \"" + t.shown() + "\", expect default constraint value.",
                        t.pos());
            }
        } catch (NumberFormatException e) {
            throw new ParseException("found \"" + text + "\", invalid number value.", t.pos());
        }
        throw new ParseException("default value " + text + " does not fit type " + type, t.pos());
    }

    private StreamOptions options() throws ParseException {
        StreamOptions opts = new StreamOptions();
        if (!ts.accept(TokenType.LPAREN)) {
            throw ts.found("stream options");
        }
        while (!ts.accept(TokenType.RPAREN)) {
            if (ts.accept(TokenType.COMMA)) {
                continue;
            }
            Token k = ts.peek();
            String key = k.text().toUpperCase(Locale.ROOT);
            if (k.type() != TokenType.IDENT || !StreamOptions.isKey(key)) {
                throw new ParseException("found \"" + k.shown() + "\", unknown option keys("
                        + String.join("|", StreamOptions.KEYS) + ").", k.pos());
            }
            ts.next();
            if (!ts.accept(TokenType.EQ)) {
                throw ts.found("equals(=) in options");
            }
            Token v = ts.next();
            String value = switch (v.type()) {
                case STRING, INTEGER -> v.text();
                case TRUE, FALSE -> v.text().toLowerCase(Locale.ROOT);
                default -> throw new ParseException(
                        "found \"" + v.shown() + "\", expect string or boolean value in option.", v.pos());
            };
            opts.put(key, checkOption(key, value, v));
        }
        if (opts.get("KIND") != null && "lookup".equals(opts.kind()) && "memory".equals(opts.type())
                && (opts.key() == null || opts.key().isEmpty())) {
            throw ts.error("Option \"key\" is required for memory lookup table.");
        }
        return opts;
    }

    private static String checkOption(String key, String value, Token v) throws ParseException {
        switch (key) {
            case "STRICT_VALIDATION", "SHARED", "TEMP" -> {
                if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
                    throw new ParseException("found \"" + value + "\", expect TRUE/FALSE value in " + key + " option.",
                            v.pos());
                }
                return value.toLowerCase(Locale.ROOT);
            }
            case "RETAIN_SIZE" -> {
                try {
                    Integer.parseInt(value.trim());
                } catch (NumberFormatException e) {
                    throw new ParseException("found \"" + value + "\", expect number value in " + key + " option.",
                            v.pos());
                }
                return value.trim();
            }
            case "KIND", "VERSION" -> {
                return value.toLowerCase(Locale.ROOT);
            }
            case "EXTRA" -> {
                if (!isJson(value)) {
                    throw new ParseException("invalid extra option, expect JSON string", v.pos());
                }
                return value;
            }
            default -> {
                return value;
            }
        }
    }

    private static boolean isJson(String s) {
        try (JsonParser p = JSON.createParser(s)) {
            if (p.nextToken() == null) {
                return false;
            }
            p.skipChildren();
            return p.nextToken() == null;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static void validate(StreamStatement st) throws ParseException {
        if (!"binary".equals(st.options().format())) {
            return;
        }
        if (st.table()) {
            throw new ParseException("'binary' format is not supported for table", st.pos());
        }
        if (st.fields().size() > 1) {
            throw new ParseException("'binary' format stream can have only one field", st.pos());
        }
        if (st.fields().size() == 1 && st.fields().get(0).type().kind() != DataType.Kind.BYTEA) {
            throw new ParseException("'binary' format stream can have only 'bytea' type field", st.pos());
        }
    }

    Statement catalog() throws ParseException {
        Token verbToken = ts.next();
        CatalogStatement.Verb verb = CatalogStatement.Verb.valueOf(verbToken.text().toUpperCase(Locale.ROOT));
        if (verb == CatalogStatement.Verb.SHOW) {
            boolean table;
            if (ts.acceptWord("STREAMS")) {
                table = false;
            } else if (ts.acceptWord("TABLES")) {
                table = true;
            } else {
                throw ts.found("keyword streams or tables");
            }
            end();
            return new CatalogStatement(verbToken.pos(), verb, table, null);
        }
        boolean table;
        if (ts.acceptWord("STREAM")) {
            table = false;
        } else if (ts.acceptWord("TABLE")) {
            table = true;
        } else {
            throw ts.found("keyword stream or table");
        }
        if (!ts.at(TokenType.IDENT)) {
            throw ts.found(table ? "table name" : "stream name");
        }
        String name = ts.next().text();
        end();
        return new CatalogStatement(verbToken.pos(), verb, table, name);
    }

    private void end() throws ParseException {
        ts.accept(TokenType.SEMICOLON);
        if (!ts.at(TokenType.EOF)) {
            throw ts.found("semicolon or EOF");
        }
    }
}
