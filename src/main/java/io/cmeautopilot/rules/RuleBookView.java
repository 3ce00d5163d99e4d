package io.cmeautopilot.rules;

import java.time.Instant;
import java.util.List;

/** The active rule book: version, when this node compiled it, its rules and warnings. */
public record RuleBookView(String version, Instant compiledAt, int ruleCount, List<RuleView> rules, List<Diagnostic> warnings) {

    public static RuleBookView of(RuleBook book) {
        return new RuleBookView(book.version(), book.compiledAt(), book.rules().size(),
                book.rules().stream().map(RuleView::of).toList(), book.warnings());
    }
}
