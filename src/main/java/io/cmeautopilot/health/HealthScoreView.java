package io.cmeautopilot.health;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.cmeautopilot.rules.api.HealthGrade;

/**
 * A stored health score of one account and UTC day. {@code score} and {@code grade} are null when
 * too little data was available ({@code coverage} below the scorecard's minimum); {@code missing}
 * names the measures without data, whose weight went to the others, and {@code note} says so in words.
 * {@code measures} is omitted in history lists unless asked for.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HealthScoreView(long accountId, LocalDate day, Instant asOf, Integer score, HealthGrade grade,
        Integer delta30d, double coverage, String scorecardVersion, String variant, List<String> missing, String note,
        List<MeasureScore> measures) {

    static HealthScoreView of(long accountId, LocalDate day, Instant asOf, Integer score, HealthGrade grade,
            Integer delta30d, double coverage, String scorecardVersion, String variant, List<MeasureScore> measures) {
        List<String> missing = measures.stream().filter(MeasureScore::missing).map(MeasureScore::id).toList();
        return new HealthScoreView(accountId, day, asOf, score, grade, delta30d, coverage, scorecardVersion, variant,
                missing, note(score, coverage, missing), measures);
    }

    public HealthScoreView withoutMeasures() {
        return new HealthScoreView(accountId, day, asOf, score, grade, delta30d, coverage, scorecardVersion, variant,
                missing, note, null);
    }

    private static String note(Integer score, double coverage, List<String> missing) {
        if (score == null) {
            return "not scored: only " + Math.round(coverage * 100) + "% of the scorecard's weight had data (missing: "
                    + String.join(", ", missing) + ")";
        }
        if (missing.isEmpty()) {
            return null;
        }
        return "scored without " + String.join(", ", missing) + " (no data): their weight was shared by the other measures";
    }
}
