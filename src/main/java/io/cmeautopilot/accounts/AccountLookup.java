package io.cmeautopilot.accounts;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jdbi.v3.core.Jdbi;

import io.cmeautopilot.common.Caller;

/** Resolves clients' external ids to internal ids in one round trip (used by signal ingestion). */
@ApplicationScoped
public class AccountLookup {

    @Inject
    Jdbi jdbi;

    /** Internal ids by external id; unknown external ids are absent from the map. */
    public Map<String, Long> idsByExternalId(Collection<String> externalIds) {
        if (externalIds.isEmpty()) {
            return new HashMap<>();
        }
        return jdbi.withHandle(h -> h.createQuery("SELECT external_id, id FROM accounts WHERE external_id = ANY(:ids)")
                .bindArray("ids", String.class, externalIds)
                .reduceRows(new HashMap<String, Long>(externalIds.size() * 2), (ids, row) -> {
                    ids.put(row.getColumn("external_id", String.class), row.getColumn("id", Long.class));
                    return ids;
                }));
    }

    /** Up to {@code limit} account ids after {@code after}, in id order, optionally of one segment. */
    public List<Long> idsAfter(long after, int limit, String segment) {
        String sql = "SELECT id FROM accounts WHERE id > :after" + (segment == null ? "" : " AND segment = :segment")
                + " ORDER BY id LIMIT :limit";
        return jdbi.withHandle(h -> {
            var query = h.createQuery(sql).bind("after", after).bind("limit", limit);
            if (segment != null) {
                query.bind("segment", segment);
            }
            return query.mapTo(Long.class).list();
        });
    }

    /** Account names by id, for lists that show tasks or offers of many accounts; unknown ids are absent. */
    public Map<Long, String> names(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return new HashMap<>();
        }
        return jdbi.withHandle(h -> h.createQuery("SELECT id, name FROM accounts WHERE id = ANY(:ids)")
                .bindArray("ids", Long.class, ids)
                .reduceRows(new HashMap<Long, String>(ids.size() * 2), (names, row) -> {
                    names.put(row.getColumn("id", Long.class), row.getColumn("name", String.class));
                    return names;
                }));
    }

    /** Who owns an account: the owning CME and team, either may be null. */
    public record Ownership(String owner, String team) {
    }

    public Optional<Ownership> ownership(long accountId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT owner, team FROM accounts WHERE id = :id")
                .bind("id", accountId)
                .map((rs, ctx) -> new Ownership(rs.getString("owner"), rs.getString("team")))
                .findOne());
    }

    /** The account's segment (which picks its scorecard variant); empty when the account does not exist. */
    public Optional<String> segment(long accountId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT segment FROM accounts WHERE id = :id").bind("id", accountId)
                .map((rs, ctx) -> Optional.ofNullable(rs.getString("segment"))).findOne()).flatMap(s -> s);
    }

    /** Whether the account exists and is within the caller's scope (a CME's own or team's book). */
    public boolean visible(long accountId, Caller caller) {
        return ownership(accountId).map(o -> caller.canSee(o.owner(), o.team())).orElse(false);
    }
}
