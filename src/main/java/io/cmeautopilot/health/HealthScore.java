package io.cmeautopilot.health;

import java.util.List;

import io.cmeautopilot.rules.api.HealthGrade;

/**
 * A computed health score: {@code score} 0-100 (null when less than the scorecard's minimum
 * coverage of weight had data), its {@code grade}, the {@code coverage} (share of weight with data)
 * and every measure with its contribution.
 */
public record HealthScore(long accountId, Integer score, HealthGrade grade, double coverage, String variant,
        List<MeasureScore> measures) {

    /** The ids of the measures that had no data (their weight went to the others). */
    public List<String> missing() {
        return measures.stream().filter(MeasureScore::missing).map(MeasureScore::id).toList();
    }
}
