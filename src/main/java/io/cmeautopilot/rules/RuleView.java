package io.cmeautopilot.rules;

import java.util.List;

/** A rule as listed by the API: where it is and its metadata (cooldown as ISO-8601). */
public record RuleView(String packageName, String name, String file, int line, String category, String description,
        String cooldown, boolean autoResolve, Integer maxPerRun, List<String> schedules, List<String> evidenceFields) {

    static RuleView of(RuleInfo r) {
        List<String> evidence = new java.util.ArrayList<>(r.accountFields());
        r.featureFields().forEach(f -> evidence.add("feature." + f));
        return new RuleView(r.packageName(), r.name(), r.file(), r.line(), r.category(), r.description(),
                r.cooldown() == null ? null : r.cooldown().toString(), r.autoResolve(), r.maxPerRun(), r.schedules(), evidence);
    }
}
