package io.cmeautopilot.rules;

import java.time.Duration;
import java.util.List;

/**
 * One rule of a rule book: where it is written and its validated metadata. {@code accountFields} and
 * {@code featureFields} are the fact properties its conditions mention, recorded as evidence when it fires.
 */
public record RuleInfo(String packageName, String name, String file, int line, String category, String description,
        Duration cooldown, boolean autoResolve, Integer maxPerRun, List<String> schedules,
        List<String> accountFields, List<String> featureFields) {

    /** Package-qualified name, unique within a rule book. */
    public String qualifiedName() {
        return packageName + "." + name;
    }
}
