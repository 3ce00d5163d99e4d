package io.cmeautopilot.health;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One measure of a score: the metric's {@code value}, its {@code points} (0-100), the scorecard
 * {@code weight}, the {@code share} of the score it carries after the weights of measures without
 * data were redistributed (0-1), and its {@code contribution} in score points (points x share).
 * A measure without data has {@code missing = true} and null value, points, share and contribution.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record MeasureScore(String id, String group, String label, String metric, Double value, Double points,
        double weight, Double share, Double contribution, boolean missing) {
}
