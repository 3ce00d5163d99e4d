package io.cmeautopilot.accounts;

import io.cmeautopilot.rules.api.Stage;

/** Optional equality filters for listing accounts; null means "any". */
public record AccountFilter(String segment, String tier, String owner, String team, Stage stage, String nameContains) {
}
