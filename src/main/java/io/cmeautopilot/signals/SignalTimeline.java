package io.cmeautopilot.signals;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jdbi.v3.core.Jdbi;

import io.cmeautopilot.common.AccountTimeline;

/**
 * Signals on an account's timeline: one entry per day of usage (from the daily roll-ups, so the cost
 * does not grow with the number of events), each ticket event, each survey answer.
 */
@ApplicationScoped
class SignalTimeline implements AccountTimeline {

    private static final String USAGE = """
            SELECT d.day, sum(d.events) FILTER (WHERE d.event_type = 'login') AS logins,
                   sum(d.events) FILTER (WHERE d.event_type = 'feature_use') AS feature_uses,
                   sum(d.events) FILTER (WHERE d.event_type = 'error') AS errors,
                   sum(d.quantity) FILTER (WHERE d.event_type = 'api_call') AS api_calls,
                   max(d.last_at) AS last_at,
                   (SELECT count(*) FROM user_daily u WHERE u.account_id = :id AND u.day = d.day) AS users
            FROM usage_daily d WHERE d.account_id = :id AND d.day >= :since
            GROUP BY d.day ORDER BY d.day DESC LIMIT :limit""";

    private static final String TICKETS = """
            SELECT ticket_id, action, severity, subject, occurred_at FROM ticket_events
            WHERE account_id = :id AND occurred_at >= :since ORDER BY occurred_at DESC LIMIT :limit""";

    private static final String SURVEYS = """
            SELECT kind, score, respondent, comment, answered_at FROM survey_responses
            WHERE account_id = :id AND answered_at >= :since ORDER BY answered_at DESC LIMIT :limit""";

    @Inject
    Jdbi jdbi;

    @Override
    public List<Entry> entries(long accountId, Instant since, int limit) {
        List<Entry> entries = new ArrayList<>();
        jdbi.useHandle(h -> {
            entries.addAll(h.createQuery(USAGE).bind("id", accountId)
                    .bind("since", LocalDate.ofInstant(since, ZoneOffset.UTC)).bind("limit", limit)
                    .map((rs, ctx) -> new Entry(rs.getTimestamp("last_at").toInstant(), "usage",
                            usage(rs.getLong("logins"), rs.getLong("users"), rs.getLong("feature_uses"),
                                    rs.getLong("api_calls"), rs.getLong("errors")),
                            "UTC day " + rs.getObject("day", LocalDate.class), null))
                    .list());
            entries.addAll(h.createQuery(TICKETS).bind("id", accountId).bind("since", since).bind("limit", limit)
                    .map((rs, ctx) -> new Entry(rs.getTimestamp("occurred_at").toInstant(), "ticket",
                            "Ticket " + rs.getString("ticket_id") + " " + rs.getString("action") + " ("
                                    + rs.getString("severity") + ")",
                            rs.getString("subject"), null))
                    .list());
            entries.addAll(h.createQuery(SURVEYS).bind("id", accountId).bind("since", since).bind("limit", limit)
                    .map((rs, ctx) -> new Entry(rs.getTimestamp("answered_at").toInstant(), "survey",
                            rs.getString("kind").toUpperCase(java.util.Locale.ROOT) + " " + rs.getInt("score")
                                    + (rs.getString("respondent") == null ? "" : " from " + rs.getString("respondent")),
                            rs.getString("comment"), null))
                    .list());
        });
        entries.sort(Comparator.comparing(Entry::at).reversed());
        return entries.size() > limit ? entries.subList(0, limit) : entries;
    }

    private static String usage(long logins, long users, long featureUses, long apiCalls, long errors) {
        List<String> parts = new ArrayList<>();
        parts.add(logins + " login" + (logins == 1 ? "" : "s") + " by " + users + " user" + (users == 1 ? "" : "s"));
        if (featureUses > 0) {
            parts.add(featureUses + " feature use" + (featureUses == 1 ? "" : "s"));
        }
        if (apiCalls > 0) {
            parts.add(apiCalls + " API calls");
        }
        if (errors > 0) {
            parts.add(errors + " error" + (errors == 1 ? "" : "s"));
        }
        return String.join(", ", parts);
    }
}
