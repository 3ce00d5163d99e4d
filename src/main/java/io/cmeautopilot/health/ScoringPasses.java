package io.cmeautopilot.health;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;
import io.cmeautopilot.common.NamedSql;

/**
 * The record of scoring passes over all accounts, and the cluster-wide lock that lets one node at a
 * time run one: a PostgreSQL session advisory lock, released when the pass ends or its node's
 * connection dies.
 */
@ApplicationScoped
class ScoringPasses {

    /** Advisory lock key of the scoring pass ("health" in ASCII), unique among the service's locks. */
    static final long LOCK_KEY = 0x6865616c7468L;

    private static final NamedSql START = NamedSql.of("""
            INSERT INTO health_passes (day, scorecard_version, trigger, started_at)
            VALUES (:day, :version, :trigger, :now) RETURNING id""");
    private static final NamedSql FINISH = NamedSql.of("""
            UPDATE health_passes SET finished_at = :now, scored = :scored, unscored = :unscored WHERE id = :id""");
    private static final NamedSql DONE = NamedSql.of("""
            SELECT 1 FROM health_passes WHERE day = :day AND scorecard_version = :version AND finished_at IS NOT NULL
            LIMIT 1""");
    private static final NamedSql LAST = NamedSql.of("""
            SELECT id, day, scorecard_version, trigger, started_at, finished_at, scored, unscored
            FROM health_passes WHERE finished_at IS NOT NULL ORDER BY finished_at DESC LIMIT 1""");

    @Inject
    AgroalDataSource dataSource;

    /** A finished pass. */
    record Pass(long id, LocalDate day, String scorecardVersion, String trigger, Instant startedAt, Instant finishedAt,
            int scored, int unscored) {
    }

    /** Runs {@code work} holding the cluster-wide pass lock; empty when another node holds it. */
    <T> Optional<T> underLock(java.util.function.Supplier<T> work) {
        try (Connection c = dataSource.getConnection()) {
            if (!lock(c, "SELECT pg_try_advisory_lock(" + LOCK_KEY + ")")) {
                return Optional.empty();
            }
            try {
                return Optional.ofNullable(work.get());
            } finally {
                lock(c, "SELECT pg_advisory_unlock(" + LOCK_KEY + ")");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not take the scoring lock", e);
        }
    }

    private static boolean lock(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    boolean finished(LocalDate day, String version) {
        return query(DONE, Map.of("day", day, "version", version), rs -> true).isPresent();
    }

    long start(LocalDate day, String version, String trigger, Instant now) {
        return query(START, Map.of("day", day, "version", version, "trigger", trigger, "now", now), rs -> rs.getLong(1))
                .orElseThrow();
    }

    void finish(long id, int scored, int unscored, Instant now) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = FINISH.prepare(c, Map.of("id", id, "scored", scored, "unscored", unscored, "now", now))) {
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not record the end of scoring pass " + id, e);
        }
    }

    Optional<Pass> last() {
        return query(LAST, Map.of(), rs -> new Pass(rs.getLong(1), rs.getObject(2, LocalDate.class), rs.getString(3),
                rs.getString(4), rs.getTimestamp(5).toInstant(), rs.getTimestamp(6).toInstant(), rs.getInt(7), rs.getInt(8)));
    }

    private <T> Optional<T> query(NamedSql sql, Map<String, ?> params, SqlRows.Row<T> row) {
        return SqlRows.first(dataSource, sql, params, row);
    }
}
