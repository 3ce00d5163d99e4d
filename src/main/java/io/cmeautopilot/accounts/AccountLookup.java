package io.cmeautopilot.accounts;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;
import io.cmeautopilot.common.Caller;

/** Resolves clients' external ids to internal ids in one round trip (used by signal ingestion). */
@ApplicationScoped
public class AccountLookup {

    @Inject
    AgroalDataSource dataSource;

    /** Internal ids by external id; unknown external ids are absent from the map. */
    public Map<String, Long> idsByExternalId(Collection<String> externalIds) {
        Map<String, Long> ids = new HashMap<>(externalIds.size() * 2);
        if (externalIds.isEmpty()) {
            return ids;
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT external_id, id FROM accounts WHERE external_id = ANY(?)")) {
            ps.setArray(1, c.createArrayOf("text", externalIds.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.put(rs.getString(1), rs.getLong(2));
                }
            }
            return ids;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not resolve account ids", e);
        }
    }

    /** Up to {@code limit} account ids after {@code after}, in id order, optionally of one segment. */
    public List<Long> idsAfter(long after, int limit, String segment) {
        String sql = "SELECT id FROM accounts WHERE id > ?" + (segment == null ? "" : " AND segment = ?")
                + " ORDER BY id LIMIT ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            int i = 1;
            ps.setLong(i++, after);
            if (segment != null) {
                ps.setString(i++, segment);
            }
            ps.setInt(i, limit);
            List<Long> ids = new java.util.ArrayList<>(limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not list accounts", e);
        }
    }

    /** Who owns an account: the owning CME and team, either may be null. */
    public record Ownership(String owner, String team) {
    }

    public java.util.Optional<Ownership> ownership(long accountId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT owner, team FROM accounts WHERE id = ?")) {
            ps.setLong(1, accountId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? java.util.Optional.of(new Ownership(rs.getString(1), rs.getString(2)))
                        : java.util.Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not look up account " + accountId, e);
        }
    }

    /** Whether the account exists and is within the caller's scope (a CME's own or team's book). */
    public boolean visible(long accountId, Caller caller) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT owner, team FROM accounts WHERE id = ?")) {
            ps.setLong(1, accountId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && caller.canSee(rs.getString(1), rs.getString(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not look up account " + accountId, e);
        }
    }
}
