package io.cmeautopilot.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.cmeautopilot.health.scorecard.Metrics;
import io.cmeautopilot.health.scorecard.Scorecard;
import io.cmeautopilot.health.scorecard.ScorecardParser;
import io.cmeautopilot.rules.api.AccountFact;
import io.cmeautopilot.rules.api.HealthGrade;
import io.cmeautopilot.rules.api.Stage;

/** The weighted score, hand-computed: full data, missing data redistributed, too little data, variants. */
class HealthScorerTest {

    static final Scorecard SCORECARD = ScorecardParser.parse("test.yaml", """
            grades: { green: 70, yellow: 40 }
            minimumCoverage: 0.5
            measures:
              - { id: logins, group: engagement, metric: loginTrend, weight: 30, linear: [[-0.5, 0], [0.5, 100]] }
              - { id: seats, group: engagement, metric: seatUtilization, weight: 20, linear: [[0, 0], [1, 100]] }
              - id: nps
                group: sentiment
                metric: latestNps
                weight: 50
                thresholds: [{ atLeast: 9, points: 100 }, { atLeast: 7, points: 60 }, { points: 10 }]
            variants:
              - { name: ent, segments: [ENT], grades: { green: 90, yellow: 80 } }
            """);

    static AccountFact fact(String segment, Double loginTrend, Double seats, Integer nps) {
        return AccountFact.builder().asOf(Instant.parse("2026-06-01T00:00:00Z")).id(7).externalId("x").name("X")
                .segment(segment).stage(Stage.ESTABLISHED).loginTrend(loginTrend).seatUtilization(seats).latestNps(nps).build();
    }

    @Test
    void with_every_measure_the_score_is_the_weighted_mean_of_the_points() {
        // logins 0 -> 50 points, seats 0.8 -> 80, nps 7 -> 60: (30*50 + 20*80 + 50*60) / 100 = 61
        HealthScore s = HealthScorer.score(SCORECARD, fact("MID", 0.0, 0.8, 7));
        assertThat(s.score()).isEqualTo(61);
        assertThat(s.grade()).isEqualTo(HealthGrade.YELLOW);
        assertThat(s.coverage()).isEqualTo(1.0);
        assertThat(s.variant()).isEqualTo("default");
        assertThat(s.missing()).isEmpty();
        assertThat(s.measures()).extracting(MeasureScore::points).containsExactly(50.0, 80.0, 60.0);
        assertThat(s.measures()).extracting(MeasureScore::share).containsExactly(0.3, 0.2, 0.5);
        assertThat(s.measures()).extracting(MeasureScore::contribution).containsExactly(15.0, 16.0, 30.0);
    }

    @Test
    void a_measure_without_data_is_left_out_and_its_weight_shared_not_scored_as_zero() {
        // nps missing: (30*50 + 20*80) / 50 = 62; shares 0.6 and 0.4
        HealthScore s = HealthScorer.score(SCORECARD, fact("MID", 0.0, 0.8, null));
        assertThat(s.score()).isEqualTo(62);
        assertThat(s.coverage()).isEqualTo(0.5);
        assertThat(s.missing()).containsExactly("nps");
        MeasureScore nps = s.measures().get(2);
        assertThat(nps.missing()).isTrue();
        assertThat(nps.value()).isNull();
        assertThat(nps.points()).isNull();
        assertThat(nps.contribution()).isNull();
        assertThat(s.measures()).extracting(MeasureScore::share).containsExactly(0.6, 0.4, null);
        assertThat(s.measures()).extracting(MeasureScore::contribution).containsExactly(30.0, 32.0, null);
        // The same account with NPS 0 (a real detractor) scores lower: missing is not zero.
        assertThat(HealthScorer.score(SCORECARD, fact("MID", 0.0, 0.8, 0)).score()).isEqualTo(36);
    }

    @Test
    void below_the_minimum_coverage_there_is_no_score_at_all() {
        HealthScore s = HealthScorer.score(SCORECARD, fact("MID", 0.0, null, null));
        assertThat(s.coverage()).isEqualTo(0.3);
        assertThat(s.score()).isNull();
        assertThat(s.grade()).isNull();
        assertThat(s.measures().get(0).points()).isEqualTo(50.0);
        assertThat(s.measures().get(0).contribution()).isNull();
        assertThat(HealthScorer.score(SCORECARD, fact("MID", null, null, null)).score()).isNull();
    }

    @Test
    void the_rounded_score_decides_the_grade() {
        // logins 0.15 -> 65 points, seats 0 -> 0, nps 9 -> 100: (30*65 + 0 + 5000) / 100 = 69.5 -> 70 GREEN
        HealthScore s = HealthScorer.score(SCORECARD, fact("MID", 0.15, 0.0, 9));
        assertThat(s.score()).isEqualTo(70);
        assertThat(s.grade()).isEqualTo(HealthGrade.GREEN);
    }

    @Test
    void an_account_of_a_variant_segment_is_graded_by_the_variant() {
        HealthScore s = HealthScorer.score(SCORECARD, fact("ENT", 0.0, 0.8, 7));
        assertThat(s.score()).isEqualTo(61);
        assertThat(s.variant()).isEqualTo("ent");
        assertThat(s.grade()).isEqualTo(HealthGrade.RED);
    }

    @Test
    void the_error_trend_never_divides_by_zero() {
        AccountFact.Builder b = AccountFact.builder().asOf(Instant.parse("2026-06-01T00:00:00Z")).id(1).externalId("e")
                .name("E").stage(Stage.ESTABLISHED);
        assertThat(Metrics.value("errorTrend", b.errors7d(6L).errorsPrev7d(3L).build())).isEqualTo(1.0);
        assertThat(Metrics.value("errorTrend", b.errors7d(5L).errorsPrev7d(0L).build())).isEqualTo(5.0);
        assertThat(Metrics.value("errorTrend", b.errors7d(0L).errorsPrev7d(0L).build())).isEqualTo(0.0);
        assertThat(Metrics.value("errorTrend", b.errors7d(null).errorsPrev7d(null).build())).isNull();
    }
}
