package io.cmeautopilot.notify.templates;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The variables a template may use, for validation: each top-level name with the properties it has
 * (an empty set: any property). For rule notifications the rules package passes e.g.
 * {@code account} (the AccountFact's properties), {@code params}, {@code rule} and {@code evidence}.
 * {@link #ANY} checks syntax and existence only.
 */
public record TemplateModel(Map<String, Set<String>> variables) {

    /** No variable checks. */
    public static final TemplateModel ANY = new TemplateModel(null);

    public TemplateModel {
        variables = variables == null ? null : new TreeMap<>(variables);
    }

    public static TemplateModel of(Map<String, Set<String>> variables) {
        return new TemplateModel(variables);
    }

    boolean checksVariables() {
        return variables != null;
    }
}
