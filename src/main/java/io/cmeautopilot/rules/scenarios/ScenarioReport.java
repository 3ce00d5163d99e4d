package io.cmeautopilot.rules.scenarios;

import java.util.List;

/** The results of running scenario files against one rule book version. */
public record ScenarioReport(String ruleBookVersion, int total, int passed, int failed, List<ScenarioResult> results) {

    public static ScenarioReport of(String version, List<ScenarioResult> results) {
        int passed = (int) results.stream().filter(ScenarioResult::passed).count();
        return new ScenarioReport(version, results.size(), passed, results.size() - passed, results);
    }
}
