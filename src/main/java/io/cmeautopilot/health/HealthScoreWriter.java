package io.cmeautopilot.health;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.cmeautopilot.common.NamedSql;

/**
 * Stores scores as history (one row per account and UTC day, with every measure) and as the
 * account's current score, in one statement per batch. Idempotent: scoring a day again replaces
 * that day's row, and an older computation never overwrites a newer one, so concurrent scoring on
 * several nodes is safe. Rows are written in account id order, so two batches never deadlock.
 */
@ApplicationScoped
class HealthScoreWriter {

    static final Duration DELTA_WINDOW = Duration.ofDays(30);

    private static final NamedSql UPSERT = NamedSql.of("""
            WITH input AS (
                SELECT i.* FROM unnest(:ids::bigint[], :scores::smallint[], :grades::text[], :coverage::numeric[],
                                       :variants::text[], :measures::text[])
                    AS i(account_id, score, grade, coverage, variant, measures)
                JOIN accounts a ON a.id = i.account_id
            ), scored AS (
                SELECT i.*, i.score - p.score AS delta30d
                FROM input i
                LEFT JOIN LATERAL (SELECT h.score FROM health_scores h
                                   WHERE h.account_id = i.account_id AND h.as_of <= :before
                                   ORDER BY h.as_of DESC LIMIT 1) p ON true
            ), saved AS (
                INSERT INTO health_scores AS h (account_id, day, as_of, score, grade, delta30d, coverage,
                                                scorecard_version, variant, measures, scored_at)
                SELECT account_id, :day, :as_of, score, grade, delta30d, coverage, :version, variant, measures::jsonb, :now
                FROM scored ORDER BY account_id
                ON CONFLICT (account_id, day) DO UPDATE
                    SET as_of = excluded.as_of, score = excluded.score, grade = excluded.grade,
                        delta30d = excluded.delta30d, coverage = excluded.coverage,
                        scorecard_version = excluded.scorecard_version, variant = excluded.variant,
                        measures = excluded.measures, scored_at = excluded.scored_at
                    WHERE h.as_of <= excluded.as_of
                RETURNING account_id, score, grade, delta30d
            ), current AS (
                INSERT INTO health_current AS c (account_id, day, as_of, score, grade, delta30d)
                SELECT account_id, :day, :as_of, score, grade, delta30d FROM saved ORDER BY account_id
                ON CONFLICT (account_id) DO UPDATE
                    SET day = excluded.day, as_of = excluded.as_of, score = excluded.score, grade = excluded.grade,
                        delta30d = excluded.delta30d
                    WHERE c.as_of <= excluded.as_of
            )
            SELECT count(*) FROM saved""");

    @Inject
    AgroalDataSource dataSource;
    @Inject
    ObjectMapper mapper;
    @Inject
    Clock clock;

    /** Stores the scores computed as of {@code asOf} (ordered by account id); how many rows were written. */
    int write(List<HealthScore> scores, Instant asOf, String scorecardVersion) {
        int n = scores.size();
        Long[] ids = new Long[n];
        String[] values = new String[n];
        String[] grades = new String[n];
        String[] coverage = new String[n];
        String[] variants = new String[n];
        String[] measures = new String[n];
        for (int i = 0; i < n; i++) {
            HealthScore s = scores.get(i);
            ids[i] = s.accountId();
            values[i] = s.score() == null ? null : s.score().toString();
            grades[i] = s.grade() == null ? null : s.grade().name();
            coverage[i] = Double.toString(s.coverage());
            variants[i] = s.variant();
            measures[i] = json(s);
        }
        Map<String, Object> params = new java.util.HashMap<>();
        params.put("ids", ids);
        params.put("scores", values);
        params.put("grades", grades);
        params.put("coverage", coverage);
        params.put("variants", variants);
        params.put("measures", measures);
        params.put("day", LocalDate.ofInstant(asOf, ZoneOffset.UTC));
        params.put("as_of", asOf);
        params.put("before", asOf.minus(DELTA_WINDOW));
        params.put("version", scorecardVersion);
        params.put("now", clock.instant());
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = UPSERT.prepare(c, params);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not store " + n + " health score(s)", e);
        }
    }

    private String json(HealthScore score) {
        try {
            return mapper.writeValueAsString(score.measures());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Could not write the measures of account " + score.accountId(), e);
        }
    }
}
