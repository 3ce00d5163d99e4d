package io.cmeautopilot.rules;

import java.util.List;
import java.util.Optional;
import java.util.SortedMap;

/**
 * The outcome of compiling a set of DRL files: the rule book when there were no errors, and every
 * diagnostic (errors and warnings) either way.
 */
public record Compilation(String version, SortedMap<String, String> files, List<Diagnostic> diagnostics,
        List<RuleInfo> rules, Optional<RuleBook> book) {

    public boolean succeeded() {
        return book.isPresent();
    }

    public List<Diagnostic> errors() {
        return diagnostics.stream().filter(Diagnostic::isError).toList();
    }
}
