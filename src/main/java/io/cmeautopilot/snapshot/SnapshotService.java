package io.cmeautopilot.snapshot;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.cmeautopilot.rules.api.AccountFact;
import io.cmeautopilot.rules.api.FeatureUsage;

/**
 * Computes {@link AccountFact}s as of any instant, for many accounts at once, with two set-based
 * queries per chunk: no N+1, no raw events loaded into the JVM.
 */
@ApplicationScoped
public class SnapshotService {

    @Inject
    AgroalDataSource dataSource;
    @Inject
    ObjectMapper mapper;
    @Inject
    SnapshotConfig config;

    /** Facts for these accounts (unknown ids are skipped), ordered by id. */
    public List<AccountFact> facts(Collection<Long> accountIds, Instant asOf) {
        try (Connection c = dataSource.getConnection()) {
            return facts(c, accountIds.toArray(Long[]::new), asOf);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not compute account snapshots", e);
        }
    }

    /** Feature usage facts for these accounts, by account id. */
    public Map<Long, List<FeatureUsage>> featureUsage(Collection<Long> accountIds, Instant asOf) {
        try (Connection c = dataSource.getConnection()) {
            return featureUsage(c, accountIds.toArray(Long[]::new), asOf);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not compute feature usage", e);
        }
    }

    public Optional<AccountSnapshot> snapshot(long accountId, Instant asOf) {
        List<AccountFact> facts = facts(List.of(accountId), asOf);
        if (facts.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new AccountSnapshot(facts.get(0),
                featureUsage(List.of(accountId), asOf).getOrDefault(accountId, List.of())));
    }

    /**
     * Streams the facts of every account, one chunk of {@code cme.snapshot.chunk-size} accounts at a
     * time, so memory stays flat however many accounts there are.
     */
    public void forEachChunk(Instant asOf, Consumer<List<AccountFact>> consumer) {
        long after = 0;
        while (true) {
            try (Connection c = dataSource.getConnection()) {
                Long[] ids = nextIds(c, after, config.chunkSize());
                if (ids.length == 0) {
                    return;
                }
                consumer.accept(facts(c, ids, asOf));
                after = ids[ids.length - 1];
            } catch (SQLException e) {
                throw new IllegalStateException("Could not compute account snapshots", e);
            }
        }
    }

    private List<AccountFact> facts(Connection c, Long[] ids, Instant asOf) throws SQLException {
        Map<String, Object> params = new SnapshotWindows(asOf).parameters();
        params.put("ids", ids);
        AccountFactReader reader = new AccountFactReader(mapper, asOf);
        List<AccountFact> facts = new ArrayList<>(ids.length);
        try (PreparedStatement ps = SnapshotSql.FACTS.prepare(c, params); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                facts.add(reader.read(rs));
            }
        }
        return facts;
    }

    private Map<Long, List<FeatureUsage>> featureUsage(Connection c, Long[] ids, Instant asOf) throws SQLException {
        Map<String, Object> params = new SnapshotWindows(asOf).parameters();
        params.put("ids", ids);
        Map<Long, List<FeatureUsage>> byAccount = new HashMap<>();
        try (PreparedStatement ps = SnapshotSql.FEATURES.prepare(c, params); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long accountId = rs.getLong("account_id");
                int daysAgo = (int) java.time.Duration.between(rs.getTimestamp("last_used").toInstant(), asOf).toDays();
                byAccount.computeIfAbsent(accountId, id -> new ArrayList<>()).add(new FeatureUsage(accountId,
                        rs.getString("feature"), rs.getLong("uses30d"), rs.getLong("uses_prev30d"), daysAgo));
            }
        }
        return byAccount;
    }

    private static Long[] nextIds(Connection c, long after, int limit) throws SQLException {
        try (PreparedStatement ps = SnapshotSql.ACCOUNT_IDS_AFTER.prepare(c, Map.of("after", after, "limit", limit));
                ResultSet rs = ps.executeQuery()) {
            List<Long> ids = new ArrayList<>(limit);
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
            return ids.toArray(Long[]::new);
        }
    }
}
