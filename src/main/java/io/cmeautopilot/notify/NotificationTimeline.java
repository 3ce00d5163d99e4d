package io.cmeautopilot.notify;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jdbi.v3.core.Jdbi;

import io.cmeautopilot.common.AccountTimeline;

/** Notifications about an account on its timeline: what was sent to whom, and whether it arrived. */
@ApplicationScoped
class NotificationTimeline implements AccountTimeline {

    private static final String MESSAGES = """
            SELECT id, event_type, channel, recipient, subject, status, created_at FROM notify_messages
            WHERE account_id = :id AND created_at >= :since ORDER BY created_at DESC LIMIT :limit""";

    @Inject
    Jdbi jdbi;

    @Override
    public List<Entry> entries(long accountId, Instant since, int limit) {
        return jdbi.withHandle(h -> h.createQuery(MESSAGES).bind("id", accountId).bind("since", since)
                .bind("limit", limit)
                .map((rs, ctx) -> new Entry(rs.getTimestamp("created_at").toInstant(), "notification",
                        rs.getString("channel").toLowerCase(java.util.Locale.ROOT) + " to " + rs.getString("recipient")
                                + ": " + (rs.getString("subject") == null ? rs.getString("event_type") : rs.getString("subject")),
                        rs.getString("event_type") + " · " + rs.getString("status").toLowerCase(java.util.Locale.ROOT),
                        "/api/notify/messages/" + rs.getLong("id")))
                .list());
    }
}
