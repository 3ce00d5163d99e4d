package io.cmeautopilot.rules;

import java.util.ArrayList;
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

    /**
     * The {@code .template(...)} calls of the DRL files, by file and position. Read from the text (not
     * from Drools), so a computed name is only known to be one: its {@code template} is null.
     */
    public List<TemplateReference> templateReferences() {
        return files.entrySet().stream().filter(f -> f.getKey().endsWith(".drl"))
                .flatMap(f -> new DrlText(f.getKey(), f.getValue()).templateReferences().stream()).toList();
    }

    /** This compilation with further findings; an error among them withdraws the rule book. */
    Compilation withFindings(List<Diagnostic> findings) {
        List<Diagnostic> all = new ArrayList<>(diagnostics);
        all.addAll(findings);
        all.sort(Diagnostic.ORDER);
        boolean failed = findings.stream().anyMatch(Diagnostic::isError);
        return new Compilation(version, files, List.copyOf(all), rules, failed ? Optional.empty() : book);
    }
}
