package io.cmeautopilot.health.scorecard;

import io.cmeautopilot.rules.api.HealthGrade;

/** Grade boundaries: a score at or above {@code green} is GREEN, at or above {@code yellow} YELLOW, else RED. */
public record Grades(int green, int yellow) {

    public HealthGrade of(int score) {
        if (score >= green) {
            return HealthGrade.GREEN;
        }
        return score >= yellow ? HealthGrade.YELLOW : HealthGrade.RED;
    }
}
