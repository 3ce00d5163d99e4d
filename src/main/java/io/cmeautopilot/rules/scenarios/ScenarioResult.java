package io.cmeautopilot.rules.scenarios;

import java.util.List;
import java.util.Map;

/** How one scenario went: its failures (empty when it passed) and what the rules proposed. */
public record ScenarioResult(String file, String name, boolean passed, List<String> failures,
        List<Map<String, Object>> proposed) {
}
