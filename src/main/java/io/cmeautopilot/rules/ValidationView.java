package io.cmeautopilot.rules;

import java.util.List;

/** The answer to {@code POST /api/rules/validate}: whether the files would compile, and why not. */
public record ValidationView(boolean valid, String version, List<RuleView> rules, List<Diagnostic> diagnostics) {

    public static ValidationView of(Compilation c) {
        return new ValidationView(c.succeeded(), c.version(), c.rules().stream().map(RuleView::of).toList(), c.diagnostics());
    }
}
