package io.cmeautopilot.health.scorecard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Each scoring function at and around its boundaries. */
class ScoringFunctionTest {

    final Scoring loginTrend = new Scoring.Linear(List.of(new Scoring.Point(-0.5, 0), new Scoring.Point(-0.1, 60),
            new Scoring.Point(0.1, 100)));

    @Test
    void linear_is_flat_outside_its_points_and_exact_at_them() {
        assertThat(loginTrend.points(-3)).isEqualTo(0);
        assertThat(loginTrend.points(-0.5)).isEqualTo(0);
        assertThat(loginTrend.points(-0.1)).isEqualTo(60);
        assertThat(loginTrend.points(0.1)).isEqualTo(100);
        assertThat(loginTrend.points(7)).isEqualTo(100);
    }

    @Test
    void linear_interpolates_between_neighbouring_points() {
        assertThat(loginTrend.points(-0.3)).isCloseTo(30, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(loginTrend.points(0.0)).isCloseTo(80, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void linear_may_fall_as_the_value_rises() {
        Scoring openTickets = new Scoring.Linear(List.of(new Scoring.Point(2, 100), new Scoring.Point(10, 0)));
        assertThat(openTickets.points(0)).isEqualTo(100);
        assertThat(openTickets.points(2)).isEqualTo(100);
        assertThat(openTickets.points(6)).isEqualTo(50);
        assertThat(openTickets.points(10)).isEqualTo(0);
        assertThat(openTickets.points(11)).isEqualTo(0);
    }

    @Test
    void thresholds_take_the_first_band_that_holds_with_inclusive_and_exclusive_bounds() {
        Scoring nps = new Scoring.Thresholds(List.of(new Scoring.Band(Scoring.Bound.AT_LEAST, 9, 100),
                new Scoring.Band(Scoring.Bound.ABOVE, 6, 60), new Scoring.Band(Scoring.Bound.OTHERWISE, 0, 10)));
        assertThat(nps.points(10)).isEqualTo(100);
        assertThat(nps.points(9)).isEqualTo(100);
        assertThat(nps.points(8.99)).isEqualTo(60);
        assertThat(nps.points(7)).isEqualTo(60);
        assertThat(nps.points(6)).isEqualTo(10);
        assertThat(nps.points(0)).isEqualTo(10);

        Scoring critical = new Scoring.Thresholds(List.of(new Scoring.Band(Scoring.Bound.AT_MOST, 0, 100),
                new Scoring.Band(Scoring.Bound.BELOW, 3, 40), new Scoring.Band(Scoring.Bound.OTHERWISE, 0, 0)));
        assertThat(critical.points(0)).isEqualTo(100);
        assertThat(critical.points(1)).isEqualTo(40);
        assertThat(critical.points(2.99)).isEqualTo(40);
        assertThat(critical.points(3)).isEqualTo(0);
    }

    @Test
    void scoring_describes_itself_in_words() {
        assertThat(loginTrend.describe()).isEqualTo("linear: -0.5 -> 0, -0.1 -> 60, 0.1 -> 100");
        assertThat(new Scoring.Thresholds(List.of(new Scoring.Band(Scoring.Bound.AT_LEAST, 9, 100),
                new Scoring.Band(Scoring.Bound.OTHERWISE, 0, 10))).describe())
                .isEqualTo("thresholds: >= 9 -> 100, otherwise -> 10");
    }

    @Test
    void grades_split_at_their_boundaries() {
        Grades grades = new Grades(70, 40);
        assertThat(grades.of(100)).hasToString("GREEN");
        assertThat(grades.of(70)).hasToString("GREEN");
        assertThat(grades.of(69)).hasToString("YELLOW");
        assertThat(grades.of(40)).hasToString("YELLOW");
        assertThat(grades.of(39)).hasToString("RED");
        assertThat(grades.of(0)).hasToString("RED");
    }
}
