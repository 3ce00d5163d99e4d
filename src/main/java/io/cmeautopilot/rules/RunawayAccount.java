package io.cmeautopilot.rules;

import java.util.Map;

/**
 * An account whose rules fired more often than the bound in one evaluation: it was stopped, its
 * proposals dropped. {@code firingsByRule} names the offenders.
 */
public record RunawayAccount(long accountId, String accountExternalId, int firings, Map<String, Integer> firingsByRule) {
}
