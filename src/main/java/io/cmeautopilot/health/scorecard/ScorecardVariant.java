package io.cmeautopilot.health.scorecard;

import java.util.List;
import java.util.Set;

/**
 * The scorecard that applies to some segments ({@code segments} empty: the default one). Measures
 * with weight 0 are left out when the variant is built.
 */
public record ScorecardVariant(String name, Set<String> segments, Grades grades, double minimumCoverage,
        List<Measure> measures) {

    public ScorecardVariant {
        segments = Set.copyOf(segments);
        measures = List.copyOf(measures);
    }

    public double totalWeight() {
        return measures.stream().mapToDouble(Measure::weight).sum();
    }
}
