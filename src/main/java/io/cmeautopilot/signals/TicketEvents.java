package io.cmeautopilot.signals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.cmeautopilot.common.NamedSql;

/**
 * Support ticket events. A ticket's state at any instant is its latest event before it, so events
 * may arrive late or out of order without corrupting anything.
 */
@ApplicationScoped
class TicketEvents implements SignalKind<TicketEvents.TicketEvent> {

    static final Set<String> ACTIONS = Set.of("opened", "updated", "closed");
    static final Set<String> SEVERITIES = Set.of("low", "normal", "high", "critical");

    record TicketEvent(String eventId, String account, String ticketId, String action, String severity,
            String category, String subject, Instant occurredAt) implements Signal {
    }

    private static final NamedSql INSERT = NamedSql.of("""
            WITH inserted AS (
                INSERT INTO ticket_events (event_id, account_id, ticket_id, action, severity, category, subject, occurred_at)
                SELECT * FROM unnest(:event_ids::text[], :account_ids::bigint[], :tickets::text[], :actions::text[],
                                     :severities::text[], :categories::text[], :subjects::text[], :times::timestamptz[])
                ORDER BY 1
                ON CONFLICT (event_id) DO NOTHING
                RETURNING 1
            )
            SELECT count(*) FROM inserted
            """);

    @Override
    public TicketEvent read(ItemReader r, Instant latestAllowed) {
        String eventId = r.requiredText("eventId", 200);
        String account = r.requiredText("account", 200);
        String ticketId = r.requiredText("ticketId", 200);
        String action = r.requiredChoice("action", ACTIONS, null);
        String severity = r.requiredChoice("severity", SEVERITIES, "normal");
        String category = r.optionalText("category", 200);
        String subject = r.optionalText("subject", 1_000);
        Instant occurredAt = r.requiredInstant("occurredAt", latestAllowed);
        return r.valid() ? new TicketEvent(eventId, account, ticketId, action, severity, category, subject, occurredAt)
                : null;
    }

    @Override
    public int insert(Connection c, List<TicketEvent> items, long[] accountIds) throws SQLException {
        int n = items.size();
        String[] ids = new String[n], tickets = new String[n], actions = new String[n], severities = new String[n],
                categories = new String[n], subjects = new String[n], times = new String[n];
        Long[] accounts = new Long[n];
        for (int i = 0; i < n; i++) {
            TicketEvent e = items.get(i);
            ids[i] = e.eventId();
            accounts[i] = accountIds[i];
            tickets[i] = e.ticketId();
            actions[i] = e.action();
            severities[i] = e.severity();
            categories[i] = e.category();
            subjects[i] = e.subject();
            times[i] = e.occurredAt().toString();
        }
        try (PreparedStatement ps = INSERT.prepare(c, Map.of("event_ids", ids, "account_ids", accounts,
                "tickets", tickets, "actions", actions, "severities", severities, "categories", categories,
                "subjects", subjects, "times", times));
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
