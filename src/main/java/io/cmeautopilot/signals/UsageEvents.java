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
 * Usage events (login, feature_use, api_call, error). The daily roll-ups are updated in the same
 * statement as the insert and only from rows that were really new, so a redelivered batch can
 * never count twice.
 */
@ApplicationScoped
class UsageEvents implements SignalKind<UsageEvents.UsageEvent> {

    static final Set<String> TYPES = Set.of("login", "feature_use", "api_call", "error");

    record UsageEvent(String eventId, String account, String type, String userId, String feature, long quantity,
            Instant occurredAt, String properties) implements Signal {
    }

    private static final NamedSql INSERT = NamedSql.of("""
            WITH input AS (
                SELECT * FROM unnest(:event_ids::text[], :account_ids::bigint[], :types::text[], :users::text[],
                                     :features::text[], :quantities::bigint[], :times::timestamptz[], :props::text[])
                    AS t(event_id, account_id, event_type, user_id, feature, quantity, occurred_at, properties)
            ), inserted AS (
                INSERT INTO usage_events (event_id, account_id, event_type, user_id, feature, quantity, occurred_at, properties)
                SELECT event_id, account_id, event_type, user_id, feature, quantity, occurred_at, properties::jsonb
                FROM input ORDER BY event_id
                ON CONFLICT (event_id) DO NOTHING
                RETURNING account_id, event_type, user_id, feature, quantity, occurred_at
            ), daily AS (
                INSERT INTO usage_daily AS d (account_id, day, event_type, feature, events, quantity, last_at)
                SELECT account_id, (occurred_at AT TIME ZONE 'UTC')::date, event_type, coalesce(feature, ''),
                       count(*), sum(quantity), max(occurred_at)
                FROM inserted GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4
                ON CONFLICT (account_id, day, event_type, feature) DO UPDATE
                    SET events = d.events + excluded.events,
                        quantity = d.quantity + excluded.quantity,
                        last_at = greatest(d.last_at, excluded.last_at)
            ), users AS (
                INSERT INTO user_daily (account_id, day, user_id)
                SELECT DISTINCT account_id, (occurred_at AT TIME ZONE 'UTC')::date, user_id
                FROM inserted WHERE user_id IS NOT NULL ORDER BY 1, 2, 3
                ON CONFLICT DO NOTHING
            )
            SELECT count(*) FROM inserted
            """);

    @Override
    public UsageEvent read(ItemReader r, Instant latestAllowed) {
        String eventId = r.requiredText("eventId", 200);
        String account = r.requiredText("account", 200);
        String type = r.requiredChoice("type", TYPES, null);
        String userId = r.optionalText("userId", 200);
        String feature = r.optionalText("feature", 200);
        Long quantity = r.optionalWholeNumber("quantity", 0, Long.MAX_VALUE / 2);
        Instant occurredAt = r.requiredInstant("occurredAt", latestAllowed);
        String properties = r.optionalObjectAsJson("properties", 8_192);
        if ("feature_use".equals(type) && feature == null) {
            r.problem("feature: is required for feature_use events");
        }
        return r.valid() ? new UsageEvent(eventId, account, type, userId, feature,
                quantity == null ? 1 : quantity, occurredAt, properties) : null;
    }

    @Override
    public int insert(Connection c, List<UsageEvent> items, long[] accountIds) throws SQLException {
        int n = items.size();
        String[] ids = new String[n], types = new String[n], users = new String[n], features = new String[n],
                times = new String[n], props = new String[n];
        Long[] accounts = new Long[n], quantities = new Long[n];
        for (int i = 0; i < n; i++) {
            UsageEvent e = items.get(i);
            ids[i] = e.eventId();
            accounts[i] = accountIds[i];
            types[i] = e.type();
            users[i] = e.userId();
            features[i] = e.feature();
            quantities[i] = e.quantity();
            times[i] = e.occurredAt().toString();
            props[i] = e.properties();
        }
        try (PreparedStatement ps = INSERT.prepare(c, Map.of("event_ids", ids, "account_ids", accounts,
                "types", types, "users", users, "features", features, "quantities", quantities,
                "times", times, "props", props));
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
