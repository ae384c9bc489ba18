package io.oort.engine.sql.ast;

/** A column of a stream schema, with its optional DEFAULT (applied with strict validation). */
public record StreamField(String name, DataType type, Object defaultValue) {
}
