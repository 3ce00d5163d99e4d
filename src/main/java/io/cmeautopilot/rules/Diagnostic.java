package io.cmeautopilot.rules;

import java.util.Comparator;

/**
 * One finding about a rule book, pinned to a file, line and column (1-based; 0 when unknown).
 * {@code code} says which check found it: syntax, compile, forbidden-import, forbidden-call, metadata, file,
 * template (see {@link RuleBookCheck}).
 */
public record Diagnostic(Severity severity, String file, int line, int column, String code, String message) {

    /** Errors stop a rule book from being activated; warnings do not. */
    public enum Severity {
        ERROR, WARNING
    }

    static final Comparator<Diagnostic> ORDER = Comparator.comparing((Diagnostic d) -> d.file() == null ? "" : d.file())
            .thenComparingInt(Diagnostic::line).thenComparingInt(Diagnostic::column).thenComparing(Diagnostic::message);

    public static Diagnostic error(String file, int line, int column, String code, String message) {
        return new Diagnostic(Severity.ERROR, file, line, column, code, message);
    }

    public static Diagnostic warning(String file, int line, int column, String code, String message) {
        return new Diagnostic(Severity.WARNING, file, line, column, code, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** "churn/login.drl:14:32: message", the form editors and CI logs understand. */
    public String location() {
        return (file == null ? "<rule book>" : file) + ":" + line + ":" + column;
    }

    @Override
    public String toString() {
        return location() + ": " + severity + " [" + code + "] " + message;
    }
}
