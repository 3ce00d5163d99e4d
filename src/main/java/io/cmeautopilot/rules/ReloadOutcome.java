package io.cmeautopilot.rules;

import java.util.List;

/** The answer to a reload: ACTIVATED (a new version), UNCHANGED (same content) or REJECTED (errors; nothing changed). */
public record ReloadOutcome(String result, String version, String activeVersion, int rules, List<Diagnostic> diagnostics) {

    public boolean rejected() {
        return "REJECTED".equals(result);
    }
}
