package io.oort.engine.sql.function;

import java.util.List;

import io.oort.engine.sql.ast.Expr;

/** Checks a call's arguments when a rule is created; returns null when valid, else eKuiper's message. */
@FunctionalInterface
public interface ArgValidator {
    String validate(List<Expr> args);

    ArgValidator ANY = args -> null;
}
