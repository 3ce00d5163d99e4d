package io.cmeautopilot.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/** "Why did my score drop": the measures that moved, biggest loss first, with what happened to them. */
class ScoreChangesTest {

    static MeasureScore m(String id, Double points, Double contribution) {
        return new MeasureScore(id, "g", id + " label", "metric", points, points, 10, contribution == null ? null : 0.5,
                contribution, points == null);
    }

    static HealthScoreView view(String day, Integer score, List<MeasureScore> measures) {
        return HealthScoreView.of(7, LocalDate.parse(day), Instant.parse(day + "T01:00:00Z"), score, null, null, 1, "v", "default",
                measures);
    }

    @Test
    void the_measures_that_moved_come_biggest_loss_first_and_steady_ones_are_left_out() {
        HealthScoreView before = view("2026-10-01", 80, List.of(m("logins", 100.0, 30.0), m("nps", 100.0, 30.0),
                m("seats", 80.0, 20.0), m("csat", 50.0, 0.0)));
        HealthScoreView after = view("2026-10-31", 52, List.of(m("logins", 40.0, 12.0), m("nps", 60.0, 20.0),
                m("seats", 80.0, 20.0), m("tickets", 0.0, 0.0)));
        ScoreChanges.Comparison c = ScoreChanges.compare(before, after);
        assertThat(c.change()).isEqualTo(-28);
        assertThat(c.moved()).extracting(ScoreChanges.MeasureChange::id).containsExactly("logins", "nps", "csat", "tickets");
        assertThat(c.moved()).extracting(ScoreChanges.MeasureChange::contributionChange).containsExactly(-18.0, -10.0, 0.0, 0.0);
        assertThat(c.moved()).extracting(ScoreChanges.MeasureChange::status).containsExactly("moved", "moved", "removed", "added");
        assertThat(c.summary()).isEqualTo("Score fell 28 points (80 on 2026-10-01, 52 on 2026-10-31), mostly logins label -18.0, nps label -10.0");
    }

    @Test
    void a_measure_losing_its_data_says_so() {
        HealthScoreView before = view("2026-10-01", 70, List.of(m("logins", 60.0, 30.0), m("nps", 80.0, 40.0)));
        HealthScoreView after = view("2026-10-02", 60, List.of(m("logins", 60.0, 60.0), m("nps", null, null)));
        ScoreChanges.Comparison c = ScoreChanges.compare(before, after);
        assertThat(c.moved()).extracting(ScoreChanges.MeasureChange::status).containsExactly("no-data-now", "moved");
        assertThat(c.moved().get(0).contributionChange()).isEqualTo(-40.0);
    }

    @Test
    void without_a_score_at_one_end_there_is_no_change_but_the_measures_still_show() {
        HealthScoreView before = view("2026-10-01", null, List.of(m("logins", null, null)));
        HealthScoreView after = view("2026-10-02", 60, List.of(m("logins", 60.0, 60.0)));
        ScoreChanges.Comparison c = ScoreChanges.compare(before, after);
        assertThat(c.change()).isNull();
        assertThat(c.summary()).startsWith("no comparison: 2026-10-01 has no score");
        assertThat(c.moved()).extracting(ScoreChanges.MeasureChange::status).containsExactly("data-again");
    }
}
