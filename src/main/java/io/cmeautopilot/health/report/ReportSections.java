package io.cmeautopilot.health.report;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.cmeautopilot.health.HealthScoreView;
import io.cmeautopilot.health.MeasureScore;
import io.cmeautopilot.rules.api.FeatureUsage;

/** The report's sections computed from their rows: pure functions, checked by plain unit tests. */
final class ReportSections {

    static final Duration PERIOD = Duration.ofDays(30);
    /** Measures scoring below this many points get a recommendation. */
    static final double RECOMMEND_BELOW = 60;
    static final int MAX_RECOMMENDATIONS = 5;

    private ReportSections() {
    }

    /** Features used in the period or the one before, most used in the period first (ties by name). */
    static List<HealthReport.FeatureRank> featureRanking(List<FeatureUsage> features) {
        List<FeatureUsage> sorted = features.stream()
                .sorted(Comparator.comparingLong(FeatureUsage::getUses30d).reversed().thenComparing(FeatureUsage::getFeature))
                .toList();
        List<HealthReport.FeatureRank> ranking = new ArrayList<>();
        for (FeatureUsage f : sorted) {
            ranking.add(new HealthReport.FeatureRank(ranking.size() + 1, f.getFeature(), f.getUses30d(), f.getUsesPrev30d(),
                    f.getUses30d() - f.getUsesPrev30d(), f.getLastUsedDaysAgo()));
        }
        return ranking;
    }

    static HealthReport.Tickets tickets(List<ReportQueries.TicketRow> rows, Instant from, Instant to) {
        int opened = 0;
        int closed = 0;
        int open = 0;
        int critical = 0;
        Map<String, Integer> openBySeverity = new TreeMap<>();
        Map<String, Integer> categories = new LinkedHashMap<>();
        List<Double> hoursToClose = new ArrayList<>();
        for (ReportQueries.TicketRow t : rows) {
            boolean openedInPeriod = !t.firstAt().isBefore(from) && t.firstAt().isBefore(to);
            boolean isClosed = "closed".equals(t.lastAction());
            if (openedInPeriod) {
                opened++;
                critical += "critical".equals(t.severity()) ? 1 : 0;
                categories.merge(t.category() == null ? "uncategorised" : t.category(), 1, Integer::sum);
            }
            if (isClosed && t.closedAt() != null && !t.closedAt().isBefore(from)) {
                closed++;
                hoursToClose.add(Duration.between(t.firstAt(), t.closedAt()).toMinutes() / 60.0);
            }
            if (!isClosed) {
                open++;
                openBySeverity.merge(t.severity(), 1, Integer::sum);
            }
        }
        List<HealthReport.CategoryCount> top = categories.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(5).map(e -> new HealthReport.CategoryCount(e.getKey(), e.getValue())).toList();
        return new HealthReport.Tickets(opened, closed, open, critical, openBySeverity, median(hoursToClose), top);
    }

    /** Three 30-day periods ending at {@code to}, oldest first. */
    static List<HealthReport.SentimentPeriod> sentiment(List<ReportQueries.SurveyRow> rows, Instant to) {
        List<HealthReport.SentimentPeriod> periods = new ArrayList<>();
        for (int i = 2; i >= 0; i--) {
            Instant end = to.minus(PERIOD.multipliedBy(i));
            Instant start = end.minus(PERIOD);
            List<ReportQueries.SurveyRow> in = rows.stream()
                    .filter(r -> !r.answeredAt().isBefore(start) && r.answeredAt().isBefore(end)).toList();
            List<Integer> nps = scores(in, "nps");
            List<Integer> csat = scores(in, "csat");
            periods.add(new HealthReport.SentimentPeriod(start, end, nps.size(), nps(nps), csat.size(),
                    csat.isEmpty() ? null : Math.round(csat.stream().mapToInt(Integer::intValue).average().orElseThrow() * 10) / 10.0));
        }
        return periods;
    }

    /** NPS: percent promoters (9-10) minus percent detractors (0-6), rounded; null without answers. */
    static Integer nps(List<Integer> answers) {
        if (answers.isEmpty()) {
            return null;
        }
        long promoters = answers.stream().filter(s -> s >= 9).count();
        long detractors = answers.stream().filter(s -> s <= 6).count();
        return (int) Math.round(100.0 * (promoters - detractors) / answers.size());
    }

    /**
     * The measures that score below {@link #RECOMMEND_BELOW} points, costing the score most first
     * (share x missing points), with the scorecard's advice; then measures without data.
     */
    static List<HealthReport.Recommendation> recommendations(HealthScoreView score, Function<String, String> adviceFor) {
        if (score == null) {
            return List.of();
        }
        List<HealthReport.Recommendation> out = new ArrayList<>();
        score.measures().stream().filter(m -> !m.missing() && m.points() < RECOMMEND_BELOW)
                .sorted(Comparator.comparingDouble((MeasureScore m) -> -(m.share() == null ? m.weight() : m.share())
                        * (100 - m.points())).thenComparing(MeasureScore::id))
                .forEach(m -> out.add(new HealthReport.Recommendation(m.id(), m.label(), m.points(),
                        m.label() + " scores " + Math.round(m.points()) + " of 100 points",
                        advice(adviceFor.apply(m.id()), m.label()))));
        score.measures().stream().filter(MeasureScore::missing).forEach(m -> out.add(new HealthReport.Recommendation(
                m.id(), m.label(), null, "no data for " + m.label() + ": the score was computed without it",
                "Collect this data (e.g. send a survey, connect usage tracking) so the score reflects it.")));
        return out.stream().limit(MAX_RECOMMENDATIONS).toList();
    }

    private static String advice(String authored, String label) {
        return authored != null ? authored : "Look into " + label + " with the customer.";
    }

    private static List<Integer> scores(List<ReportQueries.SurveyRow> rows, String kind) {
        return rows.stream().filter(r -> kind.equals(r.kind())).map(ReportQueries.SurveyRow::score).collect(Collectors.toList());
    }

    private static Double median(List<Double> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        double m = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        return Math.round(m * 10) / 10.0;
    }
}
