package io.cmeautopilot.offers;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jdbi.v3.core.Jdbi;

import io.cmeautopilot.common.AccountTimeline;

/** Retention offers and expansion suggestions on an account's timeline: proposed, and settled. */
@ApplicationScoped
class OfferTimeline implements AccountTimeline {

    private static final String EVENTS = """
            (SELECT 'offer' AS kind, id, kind || coalesce(' ' || value, '') AS what, created_at AS at, 'proposed' AS move,
                    rule_name AS who, reason AS note FROM offers WHERE account_id = :id AND created_at >= :since
             ORDER BY created_at DESC LIMIT :limit)
            UNION ALL
            (SELECT 'offer', id, kind || coalesce(' ' || value, ''), closed_at, lower(status), closed_by, outcome
             FROM offers WHERE account_id = :id AND closed_at >= :since ORDER BY closed_at DESC LIMIT :limit)
            UNION ALL
            (SELECT 'suggestion', id, kind || coalesce(': ' || target, ''), created_at, 'suggested', rule_name, reason
             FROM suggestions WHERE account_id = :id AND created_at >= :since ORDER BY created_at DESC LIMIT :limit)
            UNION ALL
            (SELECT 'suggestion', id, kind || coalesce(': ' || target, ''), closed_at, lower(status), closed_by, outcome
             FROM suggestions WHERE account_id = :id AND closed_at >= :since ORDER BY closed_at DESC LIMIT :limit)""";

    @Inject
    Jdbi jdbi;

    @Override
    public List<Entry> entries(long accountId, Instant since, int limit) {
        List<Entry> entries = new ArrayList<>(jdbi.withHandle(h -> h.createQuery(EVENTS).bind("id", accountId)
                .bind("since", since).bind("limit", limit)
                .map((rs, ctx) -> {
                    String kind = rs.getString("kind");
                    return new Entry(rs.getTimestamp("at").toInstant(), kind,
                            ("offer".equals(kind) ? "Retention offer " : "Expansion suggestion ") + rs.getString("move")
                                    + ": " + rs.getString("what"),
                            (rs.getString("who") == null ? "" : "by " + rs.getString("who"))
                                    + (rs.getString("note") == null ? "" : " · " + rs.getString("note")),
                            ("offer".equals(kind) ? OfferService.OFFERS : OfferService.SUGGESTIONS) + rs.getLong("id"));
                }).list()));
        entries.sort(Comparator.comparing(Entry::at).reversed());
        return entries.size() > limit ? entries.subList(0, limit) : entries;
    }
}
