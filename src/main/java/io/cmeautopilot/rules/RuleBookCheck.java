package io.cmeautopilot.rules;

import java.util.List;

/**
 * A check a rule book must pass before it is activated or reported valid, contributed as a CDI bean
 * by a feature the rules package must not depend on (the notification templates). Its errors make
 * the book invalid exactly like a compile error: the reload is rejected with them and the active
 * book stays; warnings are reported and change nothing. Followed cluster versions and backtests are
 * not checked again (see docs/authoring-rules.md, Diagnostics).
 */
public interface RuleBookCheck {

    /** Findings about the compiled files, by file and line; empty when all is well. */
    List<Diagnostic> check(Compilation compilation);
}
