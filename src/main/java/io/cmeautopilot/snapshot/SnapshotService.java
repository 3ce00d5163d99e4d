package io.cmeautopilot.snapshot;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.cmeautopilot.common.NamedSql;
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

    /** The facts and feature usage of one chunk of accounts, read on one connection. */
    public record Facts(List<AccountFact> accounts, Map<Long, List<FeatureUsage>> features) {
    }

    /**
     * Facts and feature usage of every account with an id in [lo, hi], ordered by id: one range scan
     * per table, cheaper than a list of ids when a run covers every account.
     */
    public Facts factsBetween(long lo, long hi, Instant asOf) {
        Map<String, Object> params = new SnapshotWindows(asOf).parameters();
        params.put("lo", lo);
        params.put("hi", hi);
        try (Connection c = dataSource.getConnection()) {
            return new Facts(query(c, SnapshotSql.FACTS_BY_RANGE, params, asOf),
                    featureUsage(c, SnapshotSql.FEATURES_BY_RANGE, params, asOf));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not compute account snapshots", e);
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
     * The facts of every account, one chunk of {@code cme.snapshot.chunk-size} accounts (a contiguous
     * id range) at a time, computed on {@code cme.snapshot.parallelism} connections at once. The
     * consumer is called by one thread at a time, in no particular chunk order; memory stays flat
     * however many accounts there are.
     */
    public void forEachChunk(Instant asOf, Consumer<List<AccountFact>> consumer) {
        ExecutorService workers = Executors.newFixedThreadPool(config.parallelism());
        try {
            List<Future<?>> running = new ArrayList<>();
            long after = 0;
            Long[] ids;
            while ((ids = nextIds(after, config.chunkSize())).length > 0) {
                long lo = ids[0], hi = ids[ids.length - 1];
                running.add(workers.submit(() -> {
                    List<AccountFact> chunk = factsInRange(lo, hi, asOf);
                    synchronized (consumer) {
                        consumer.accept(chunk);
                    }
                    return null;
                }));
                after = hi;
                // Bound the work in flight: ids of later chunks are read as earlier ones finish.
                while (running.size() >= 2 * config.parallelism()) {
                    await(running.remove(0));
                }
            }
            for (Future<?> chunk : running) {
                await(chunk);
            }
        } finally {
            workers.shutdownNow();
        }
    }

    private static void await(Future<?> chunk) {
        try {
            chunk.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while computing snapshots", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    private List<AccountFact> factsInRange(long lo, long hi, Instant asOf) {
        Map<String, Object> params = new SnapshotWindows(asOf).parameters();
        params.put("lo", lo);
        params.put("hi", hi);
        try (Connection c = dataSource.getConnection()) {
            return query(c, SnapshotSql.FACTS_BY_RANGE, params, asOf);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not compute account snapshots", e);
        }
    }

    /**
     * Runs with JIT off: these queries are planned once per chunk and JIT-compiling their hundred
     * expressions costs more than it saves. (Pooled connections get the setting back afterwards.)
     */
    private static void withoutJit(Connection c, SqlWork work) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SET jit = off");
        }
        try {
            work.run();
        } finally {
            try (Statement s = c.createStatement()) {
                s.execute("RESET jit");
            }
        }
    }

    private interface SqlWork {
        void run() throws SQLException;
    }

    private List<AccountFact> facts(Connection c, Long[] ids, Instant asOf) throws SQLException {
        Map<String, Object> params = new SnapshotWindows(asOf).parameters();
        params.put("ids", ids);
        return query(c, SnapshotSql.FACTS_BY_IDS, params, asOf);
    }

    private List<AccountFact> query(Connection c, NamedSql sql, Map<String, Object> params, Instant asOf)
            throws SQLException {
        AccountFactReader reader = new AccountFactReader(mapper, asOf);
        List<AccountFact> facts = new ArrayList<>();
        withoutJit(c, () -> {
            try (PreparedStatement ps = sql.prepare(c, params); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    facts.add(reader.read(rs));
                }
            }
        });
        return facts;
    }

    private Map<Long, List<FeatureUsage>> featureUsage(Connection c, Long[] ids, Instant asOf) throws SQLException {
        Map<String, Object> params = new SnapshotWindows(asOf).parameters();
        params.put("ids", ids);
        return featureUsage(c, SnapshotSql.FEATURES_BY_IDS, params, asOf);
    }

    private Map<Long, List<FeatureUsage>> featureUsage(Connection c, NamedSql sql, Map<String, Object> params,
            Instant asOf) throws SQLException {
        Map<Long, List<FeatureUsage>> byAccount = new HashMap<>();
        withoutJit(c, () -> {
            try (PreparedStatement ps = sql.prepare(c, params); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long accountId = rs.getLong("account_id");
                    int daysAgo = (int) Duration.between(rs.getTimestamp("last_used").toInstant(), asOf).toDays();
                    byAccount.computeIfAbsent(accountId, id -> new ArrayList<>()).add(new FeatureUsage(accountId,
                            rs.getString("feature"), rs.getLong("uses30d"), rs.getLong("uses_prev30d"), daysAgo));
                }
            }
        });
        return byAccount;
    }

    private Long[] nextIds(long after, int limit) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = SnapshotSql.ACCOUNT_IDS_AFTER.prepare(c, Map.of("after", after, "limit", limit));
                ResultSet rs = ps.executeQuery()) {
            List<Long> ids = new ArrayList<>(limit);
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
            return ids.toArray(Long[]::new);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not list accounts", e);
        }
    }
}
