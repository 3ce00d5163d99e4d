package io.cmeautopilot.health.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.cmeautopilot.health.HealthScoreView;
import io.cmeautopilot.health.MeasureScore;

/** The report's sections from their rows, at their edges. */
class ReportSectionsTest {

    static final Instant TO = Instant.parse("2026-11-01T00:00:00Z");
    static final Instant FROM = TO.minus(ReportSections.PERIOD);

    @Test
    void nps_is_promoters_minus_detractors_in_percent_and_null_without_answers() {
        assertThat(ReportSections.nps(List.of())).isNull();
        assertThat(ReportSections.nps(List.of(9, 10, 7, 8))).isEqualTo(50);
        assertThat(ReportSections.nps(List.of(6, 0, 9))).isEqualTo(-33);
        assertThat(ReportSections.nps(List.of(7, 8))).isZero();
    }

    @Test
    void tickets_count_at_the_period_edges_and_without_any_ticket_nothing_is_made_up() {
        List<ReportQueries.TicketRow> rows = List.of(
                new ReportQueries.TicketRow("A", FROM, "opened", "critical", null, null),                     // opened exactly at the start
                new ReportQueries.TicketRow("B", FROM.minusSeconds(1), "closed", "normal", "x", FROM),         // closed exactly at the start
                new ReportQueries.TicketRow("C", FROM.minusSeconds(3600), "closed", "low", "x", FROM.minusSeconds(1)));
        HealthReport.Tickets t = ReportSections.tickets(rows, FROM, TO);
        assertThat(t.openedInPeriod()).isEqualTo(1);
        assertThat(t.criticalOpenedInPeriod()).isEqualTo(1);
        assertThat(t.closedInPeriod()).isEqualTo(1);
        assertThat(t.openAtEnd()).isEqualTo(1);
        assertThat(t.openBySeverity()).isEqualTo(Map.of("critical", 1));
        assertThat(t.topCategories()).containsExactly(new HealthReport.CategoryCount("uncategorised", 1));
        assertThat(t.medianHoursToClose()).isEqualTo(0.0);

        HealthReport.Tickets none = ReportSections.tickets(List.of(), FROM, TO);
        assertThat(none.openedInPeriod()).isZero();
        assertThat(none.medianHoursToClose()).isNull();
        assertThat(none.topCategories()).isEmpty();
    }

    @Test
    void sentiment_periods_are_three_30_day_windows_oldest_first() {
        List<ReportQueries.SurveyRow> rows = List.of(new ReportQueries.SurveyRow("nps", 10, TO.minusSeconds(1)),
                new ReportQueries.SurveyRow("csat", 3, FROM), new ReportQueries.SurveyRow("csat", 4, FROM.minusSeconds(1)),
                new ReportQueries.SurveyRow("nps", 2, TO.minus(ReportSections.PERIOD.multipliedBy(3))));
        List<HealthReport.SentimentPeriod> p = ReportSections.sentiment(rows, TO);
        assertThat(p).extracting(HealthReport.SentimentPeriod::to).containsExactly(FROM.minus(ReportSections.PERIOD), FROM, TO);
        assertThat(p).extracting(HealthReport.SentimentPeriod::nps).containsExactly(-100, null, 100);
        assertThat(p).extracting(HealthReport.SentimentPeriod::averageCsat).containsExactly(null, 4.0, 3.0);
    }

    @Test
    void recommendations_put_what_costs_the_score_most_first_then_missing_data() {
        HealthScoreView score = new HealthScoreView(1, LocalDate.parse("2026-10-31"), TO, 50, null, null, 0.8, "v", "default",
                List.of("d"), null, List.of(measure("a", 59.0, 0.1), measure("b", 20.0, 0.2), measure("c", 60.0, 0.5),
                        measure("d", null, null)));
        List<HealthReport.Recommendation> r = ReportSections.recommendations(score, id -> id.equals("b") ? "Do B." : null);
        assertThat(r).extracting(HealthReport.Recommendation::measure).containsExactly("b", "a", "d");
        assertThat(r.get(0).advice()).isEqualTo("Do B.");
        assertThat(r.get(1).advice()).isEqualTo("Look into a label with the customer.");
        assertThat(r.get(2).reason()).isEqualTo("no data for d label: the score was computed without it");
        assertThat(ReportSections.recommendations(null, id -> null)).isEmpty();
    }

    static MeasureScore measure(String id, Double points, Double share) {
        return new MeasureScore(id, "g", id + " label", "m", points, points, 10, share,
                points == null ? null : points * share, points == null);
    }
}
