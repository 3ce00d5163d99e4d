package io.cmeautopilot.health.scorecard;

/**
 * One measure of a scorecard: a metric of the account (see {@link Metrics}), scored 0-100 by
 * {@code scoring}, counted with {@code weight}. {@code advice} is what the report recommends when
 * the measure scores poorly (may be null).
 */
public record Measure(String id, String group, String label, String metric, double weight, Scoring scoring,
        String advice) {

    Measure withWeight(double newWeight) {
        return new Measure(id, group, label, metric, newWeight, scoring, advice);
    }
}
