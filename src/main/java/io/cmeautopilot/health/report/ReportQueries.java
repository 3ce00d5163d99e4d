package io.cmeautopilot.health.report;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;
import io.cmeautopilot.common.NamedSql;
import io.cmeautopilot.health.SqlRows;

/**
 * The report's reads beyond the snapshot, for one account: weekly usage from the daily roll-ups,
 * error kinds, tickets and survey answers (a single account's rows, through its indexes).
 */
@ApplicationScoped
class ReportQueries {

    static final int WEEKS = 13;
    static final int TOP_ERRORS = 10;

    private static final NamedSql WEEKLY = NamedSql.of("""
            SELECT w.start,
                (SELECT count(DISTINCT u.user_id) FROM user_daily u
                 WHERE u.account_id = :id AND u.day >= w.start AND u.day < w.start + 7) AS active_users,
                (SELECT coalesce(sum(d.events), 0) FROM usage_daily d
                 WHERE d.account_id = :id AND d.event_type = 'login' AND d.day >= w.start AND d.day < w.start + 7) AS logins
            FROM (SELECT (:end::date - 7 * (:weeks - i)) AS start FROM generate_series(0, :weeks - 1) i) w
            ORDER BY w.start""");

    private static final NamedSql ERRORS = NamedSql.of("""
            SELECT coalesce(properties ->> 'code', properties ->> 'message', feature, 'unspecified') AS error,
                   count(*) AS n, max(occurred_at) AS last_seen
            FROM usage_events
            WHERE account_id = :id AND event_type = 'error' AND occurred_at >= :from AND occurred_at < :to
            GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT :limit""");

    private static final NamedSql TICKETS = NamedSql.of("""
            SELECT ticket_id, min(occurred_at) AS first_at,
                   (array_agg(action ORDER BY occurred_at DESC, id DESC))[1] AS last_action,
                   (array_agg(severity ORDER BY occurred_at DESC, id DESC))[1] AS severity,
                   (array_agg(category ORDER BY occurred_at DESC, id DESC) FILTER (WHERE category IS NOT NULL))[1] AS category,
                   max(occurred_at) FILTER (WHERE action = 'closed') AS closed_at
            FROM ticket_events WHERE account_id = :id AND occurred_at < :to
            GROUP BY ticket_id""");

    private static final NamedSql SURVEYS = NamedSql.of("""
            SELECT kind, score, answered_at FROM survey_responses
            WHERE account_id = :id AND answered_at >= :from AND answered_at < :to ORDER BY answered_at, id""");

    @Inject
    AgroalDataSource dataSource;

    /** A ticket's state as of the report's end: its latest action, severity and category then. */
    record TicketRow(String ticketId, Instant firstAt, String lastAction, String severity, String category, Instant closedAt) {
    }

    record SurveyRow(String kind, int score, Instant answeredAt) {
    }

    /** {@link #WEEKS} weeks of whole UTC days, the last one ending with {@code lastDay}. */
    List<HealthReport.WeekUsage> weeklyUsage(long accountId, LocalDate lastDay) {
        return query(WEEKLY, Map.of("id", accountId, "end", lastDay.plusDays(1), "weeks", WEEKS), rs -> {
            LocalDate start = rs.getObject(1, LocalDate.class);
            return new HealthReport.WeekUsage(start, start.plusDays(6), rs.getLong(2), rs.getLong(3));
        });
    }

    List<HealthReport.ErrorCount> topErrors(long accountId, Instant from, Instant to) {
        return query(ERRORS, Map.of("id", accountId, "from", from, "to", to, "limit", TOP_ERRORS),
                rs -> new HealthReport.ErrorCount(rs.getString(1), rs.getLong(2), rs.getTimestamp(3).toInstant()));
    }

    List<TicketRow> tickets(long accountId, Instant to) {
        return query(TICKETS, Map.of("id", accountId, "to", to), rs -> new TicketRow(rs.getString(1),
                rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4), rs.getString(5), instant(rs.getTimestamp(6))));
    }

    List<SurveyRow> surveys(long accountId, Instant from, Instant to) {
        return query(SURVEYS, Map.of("id", accountId, "from", from, "to", to),
                rs -> new SurveyRow(rs.getString(1), rs.getInt(2), rs.getTimestamp(3).toInstant()));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private <T> List<T> query(NamedSql sql, Map<String, ?> params, SqlRows.Row<T> row) {
        return SqlRows.list(dataSource, sql, params, row);
    }
}
