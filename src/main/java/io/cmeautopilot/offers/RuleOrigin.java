package io.cmeautopilot.offers;

import java.time.Duration;
import java.util.Map;

/**
 * Why an offer or suggestion exists and how it is deduplicated: the proposing rule, rule-book
 * version, run, the values the rule matched, the dedupe key and the rule's cooldown (may be null).
 */
public record RuleOrigin(String rule, String ruleBookVersion, long runId, Map<String, Object> evidence,
        String dedupeKey, Duration cooldown) {
}
