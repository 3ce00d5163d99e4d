package io.cmeautopilot.health.scorecard;

import java.util.List;

/** A scorecard file that does not validate: every problem found, each with its line. */
public class InvalidScorecardException extends RuntimeException {

    private final transient List<ScorecardDiagnostic> diagnostics;

    public InvalidScorecardException(List<ScorecardDiagnostic> diagnostics) {
        super(diagnostics.size() + " error(s) in the scorecard, first: " + diagnostics.get(0));
        this.diagnostics = List.copyOf(diagnostics);
    }

    public List<ScorecardDiagnostic> diagnostics() {
        return diagnostics;
    }
}
