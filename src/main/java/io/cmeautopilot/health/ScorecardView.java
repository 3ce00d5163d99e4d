package io.cmeautopilot.health;

import java.util.List;
import java.util.Set;

import io.cmeautopilot.health.scorecard.Grades;
import io.cmeautopilot.health.scorecard.Measure;
import io.cmeautopilot.health.scorecard.Metrics;
import io.cmeautopilot.health.scorecard.Scorecard;
import io.cmeautopilot.health.scorecard.ScorecardVariant;

/** The active scorecard as the API shows it: every variant with its measures, and the metrics a measure may use. */
public record ScorecardView(String file, String version, List<Variant> variants, Set<String> metrics) {

    public record Variant(String name, Set<String> segments, Grades grades, double minimumCoverage, List<MeasureView> measures) {
    }

    /** A measure; {@code scoring} in words, e.g. "linear: -0.5 -> 0, 0 -> 70, 0.25 -> 100". */
    public record MeasureView(String id, String group, String label, String metric, double weight, String scoring,
            String advice) {
    }

    static ScorecardView of(Scorecard scorecard) {
        List<Variant> variants = new java.util.ArrayList<>();
        variants.add(variant(scorecard.defaults()));
        scorecard.variants().forEach(v -> variants.add(variant(v)));
        return new ScorecardView(scorecard.file(), scorecard.version(), variants, Metrics.names());
    }

    private static Variant variant(ScorecardVariant v) {
        return new Variant(v.name(), v.segments(), v.grades(), v.minimumCoverage(), v.measures().stream()
                .map((Measure m) -> new MeasureView(m.id(), m.group(), m.label(), m.metric(), m.weight(),
                        m.scoring().describe(), m.advice())).toList());
    }
}
