package io.cmeautopilot.health.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.cmeautopilot.health.HealthScoreView;
import io.cmeautopilot.health.ScoreChanges;

/**
 * The monthly health-check report of one account: the 30 days before {@code asOf} (the period),
 * with trends over the 13 weeks / 90 days before it. Every section says plainly when there is no data.
 */
public record HealthReport(Account account, Instant asOf, Instant periodFrom, Instant generatedAt, Health health,
        List<FeatureRank> featureRanking, List<WeekUsage> usageTrend, List<ErrorCount> topErrors, Tickets tickets,
        Sentiment sentiment, List<OpenItem> openWork, List<Recommendation> recommendations) {

    public record Account(long id, String externalId, String name, String segment, String owner, String team,
            String stage) {
    }

    /** Score as of asOf (null when never scored), daily scores of the last 90 days, and what moved in the period. */
    public record Health(HealthScoreView current, List<DayScore> history, ScoreChanges.Comparison changes) {
    }

    public record DayScore(LocalDate day, Integer score, String grade) {
    }

    /** A feature's uses in the period and the 30 days before; rank 1 is the most used. */
    public record FeatureRank(int rank, String feature, long uses, long usesBefore, Long change, int lastUsedDaysAgo) {
    }

    /** One week of whole UTC days [from, to]: distinct active users and logins. */
    public record WeekUsage(LocalDate from, LocalDate to, long activeUsers, long logins) {
    }

    /** An error kind (the event's properties.code, else properties.message, else its feature) and how often it occurred. */
    public record ErrorCount(String error, long count, Instant lastSeen) {
    }

    /**
     * Tickets: opened and closed in the period, open at asOf (by latest severity), critical ones
     * opened in the period, the median hours from opening to closing of those closed in the period,
     * and the categories of the tickets opened in the period, most frequent first.
     */
    public record Tickets(int openedInPeriod, int closedInPeriod, int openAtEnd, int criticalOpenedInPeriod,
            Map<String, Integer> openBySeverity, Double medianHoursToClose, List<CategoryCount> topCategories) {
    }

    public record CategoryCount(String category, int count) {
    }

    /** Latest answers as the rules see them, and three 30-day periods (oldest first) for the trend. */
    public record Sentiment(Integer latestNps, Integer npsDelta, Integer latestCsat, List<SentimentPeriod> periods) {
    }

    /**
     * One 30-day period: NPS answers and the NPS (percent promoters 9-10 minus percent detractors
     * 0-6; null without answers), CSAT answers and their average (null without answers).
     */
    public record SentimentPeriod(Instant from, Instant to, int npsAnswers, Integer nps, int csatAnswers, Double averageCsat) {
    }

    /** Open work on the account: tasks today; offers and suggestions from their own sources (see {@link OpenWork}). */
    public record OpenItem(String kind, long id, String title, String status, String priority, Instant due, String assignee) {
    }

    /** What to do: a weak measure, why, and the scorecard's advice for it. */
    public record Recommendation(String measure, String label, Double points, String reason, String advice) {
    }
}
