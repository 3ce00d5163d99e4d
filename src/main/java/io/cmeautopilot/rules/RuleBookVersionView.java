package io.cmeautopilot.rules;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One load attempt of a rule book, as listed by {@code GET /api/rules/versions}. */
public record RuleBookVersionView(long id, String version, String trigger, String loadedBy, Instant loadedAt,
        String result, boolean active, int ruleCount, List<String> files, List<Map<String, Object>> diagnostics) {

    static RuleBookVersionView of(RuleBookLoad load) {
        return new RuleBookVersionView(load.id, load.version, load.trigger, load.loadedBy, load.loadedAt, load.result,
                load.active, load.ruleCount, List.copyOf(new java.util.TreeSet<>(load.files.keySet())), load.diagnostics);
    }
}
