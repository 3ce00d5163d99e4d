package io.cmeautopilot.rules.scenarios;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One scenario of a scenario file: an account (only what matters; the rest comes from healthy
 * defaults) as of an instant, the actions expected, and those that must not be proposed.
 */
public record Scenario(String file, String name, Instant asOf, Map<String, Object> account,
        List<Map<String, Object>> features, List<Map<String, Object>> expect, List<Map<String, Object>> expectNot,
        boolean expectNone) {
}
