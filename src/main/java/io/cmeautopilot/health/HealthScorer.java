package io.cmeautopilot.health;

import java.util.ArrayList;
import java.util.List;

import io.cmeautopilot.health.scorecard.Measure;
import io.cmeautopilot.health.scorecard.Metrics;
import io.cmeautopilot.health.scorecard.Scorecard;
import io.cmeautopilot.health.scorecard.ScorecardVariant;
import io.cmeautopilot.rules.api.AccountFact;
import io.cmeautopilot.rules.api.HealthGrade;

/**
 * Scores one account with a scorecard: each measure with data gets points 0-100; the score is the
 * weighted mean over the measures with data, so a measure without data is left out and its weight
 * is shared by the others in proportion (never counted as 0). Below the minimum coverage there is
 * no score at all. Pure: no I/O.
 */
final class HealthScorer {

    private HealthScorer() {
    }

    static HealthScore score(Scorecard scorecard, AccountFact fact) {
        ScorecardVariant variant = scorecard.forSegment(fact.getSegment());
        double present = 0;
        List<Double> values = new ArrayList<>();
        for (Measure m : variant.measures()) {
            Double value = Metrics.value(m.metric(), fact);
            values.add(value);
            if (value != null) {
                present += m.weight();
            }
        }
        double coverage = present / variant.totalWeight();
        boolean scored = present > 0 && coverage >= variant.minimumCoverage();
        List<MeasureScore> measures = new ArrayList<>();
        double total = 0;
        for (int i = 0; i < variant.measures().size(); i++) {
            Measure m = variant.measures().get(i);
            Double value = values.get(i);
            if (value == null) {
                measures.add(new MeasureScore(m.id(), m.group(), m.label(), m.metric(), null, null, m.weight(), null, null, true));
                continue;
            }
            double points = round2(m.scoring().points(value));
            Double share = scored ? m.weight() / present : null;
            Double contribution = scored ? points * share : null;
            if (scored) {
                total += contribution;
            }
            measures.add(new MeasureScore(m.id(), m.group(), m.label(), m.metric(), value, points, m.weight(),
                    share == null ? null : round4(share), contribution == null ? null : round2(contribution), false));
        }
        Integer score = scored ? (int) Math.round(total) : null;
        HealthGrade grade = score == null ? null : variant.grades().of(score);
        return new HealthScore(fact.getId(), score, grade, round4(coverage), variant.name(), measures);
    }

    static double round2(double d) {
        return Math.round(d * 100) / 100.0;
    }

    private static double round4(double d) {
        return Math.round(d * 10_000) / 10_000.0;
    }
}
