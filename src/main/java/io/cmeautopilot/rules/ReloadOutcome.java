package io.cmeautopilot.rules;

import java.util.List;

/**
 * The answer to a reload: ACTIVATED (a new version), UNCHANGED (same content), REJECTED (errors;
 * nothing changed) or SUPERSEDED (files the cluster replaced since they were active; never for an
 * explicit reload: the node follows the active version instead).
 */
public record ReloadOutcome(String result, String version, String activeVersion, int rules, List<Diagnostic> diagnostics) {

    public boolean rejected() {
        return "REJECTED".equals(result);
    }
}
