package io.cmeautopilot.rules;

/**
 * A {@code .template(...)} call in a DRL file: the template it names, and where.
 *
 * @param template the name when it is a string literal ({@code .template("login-dropoff")}); null when
 *        the name is computed as the rule fires and so cannot be known before
 * @param file the DRL file, relative to the rules directory
 * @param line 1-based line of the name (or of the call, when computed)
 * @param column 1-based column of the same
 */
public record TemplateReference(String template, String file, int line, int column) {
}
