package io.oort.engine.sql.ast;

/** A parsed SQL statement. */
public interface Statement extends Node {
}
