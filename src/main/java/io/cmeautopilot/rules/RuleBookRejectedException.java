package io.cmeautopilot.rules;

import java.util.List;

import io.cmeautopilot.common.Problem;
import io.cmeautopilot.common.ProblemException;

/** A rule book with errors: 422, with every diagnostic (file, line, column) in the problem. */
class RuleBookRejectedException extends ProblemException {

    private final transient List<Diagnostic> diagnostics;

    RuleBookRejectedException(String detail, List<Diagnostic> diagnostics) {
        super(422, "rule-book-invalid", "Rule book does not compile", detail,
                diagnostics.stream().filter(Diagnostic::isError)
                        .map(d -> new Problem.FieldError(d.location(), d.message())).toList());
        this.diagnostics = List.copyOf(diagnostics);
    }

    List<Diagnostic> diagnostics() {
        return diagnostics;
    }
}
