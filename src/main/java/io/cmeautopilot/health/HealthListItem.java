package io.cmeautopilot.health;

import java.time.LocalDate;

import io.cmeautopilot.rules.api.HealthGrade;

/** One account in a health list: who it is and its current score. */
public record HealthListItem(long accountId, String externalId, String name, String segment, String owner, String team,
        LocalDate day, Integer score, HealthGrade grade, Integer delta30d) {
}
