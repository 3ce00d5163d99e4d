package io.cmeautopilot.health;

import java.util.List;

/** Which accounts to score now: {@code {"all": true}} or {@code {"accountIds": [17, 42]}}. */
public record ScoringRequest(Boolean all, List<Long> accountIds) {
}
