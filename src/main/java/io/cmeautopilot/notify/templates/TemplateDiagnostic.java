package io.cmeautopilot.notify.templates;

/**
 * A problem with a template: the file (relative to the rules directory, e.g.
 * {@code templates/login-dropoff.txt}), the 1-based line (0 when it concerns the whole file) and what is wrong.
 */
public record TemplateDiagnostic(String file, int line, String message) {

    @Override
    public String toString() {
        return file + ":" + line + ": " + message;
    }
}
