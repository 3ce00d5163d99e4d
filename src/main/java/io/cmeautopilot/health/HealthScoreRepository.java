package io.cmeautopilot.health;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.cmeautopilot.common.Caller;
import io.cmeautopilot.common.NamedSql;
import io.cmeautopilot.rules.api.HealthGrade;

/** Reads stored health scores: one account's (current, as of an instant, history) and lists across accounts. */
@ApplicationScoped
public class HealthScoreRepository {

    private static final TypeReference<List<MeasureScore>> MEASURES = new TypeReference<>() {
    };
    private static final String COLUMNS = "h.account_id, h.day, h.as_of, h.score, h.grade, h.delta30d, h.coverage, "
            + "h.scorecard_version, h.variant, h.measures::text AS measures";

    private static final NamedSql CURRENT = NamedSql.of("SELECT " + COLUMNS + " FROM health_current c "
            + "JOIN health_scores h ON h.account_id = c.account_id AND h.day = c.day WHERE c.account_id = :id");
    private static final NamedSql AT = NamedSql.of("SELECT " + COLUMNS + " FROM health_scores h "
            + "WHERE h.account_id = :id AND h.as_of <= :at ORDER BY h.as_of DESC LIMIT 1");
    private static final NamedSql HISTORY = NamedSql.of("SELECT " + COLUMNS + " FROM health_scores h "
            + "WHERE h.account_id = :id AND h.day BETWEEN :from AND :to ORDER BY h.day");

    private static final String LIST = """
            SELECT a.id, a.external_id, a.name, a.segment, a.owner, a.team, c.day, c.score, c.grade, c.delta30d
            FROM health_current c JOIN accounts a ON a.id = c.account_id
            WHERE (:segment::text IS NULL OR a.segment = :segment)
              AND (:owner::text IS NULL OR a.owner = :owner)
              AND (:team::text IS NULL OR a.team = :team)
              AND (NOT :scoped OR a.owner = :me OR a.team = :my_team)
              AND %s
            ORDER BY %s LIMIT :limit""";
    private static final NamedSql BY_GRADE = NamedSql.of(LIST.formatted(
            "(:grade::text IS NULL OR c.grade = :grade) AND c.score IS NOT NULL AND c.account_id > :after_id",
            "c.account_id"));
    private static final NamedSql DROPS = NamedSql.of(LIST.formatted(
            "c.delta30d <= -:min_drop AND (:after_delta::int IS NULL OR (c.delta30d, c.account_id) > (:after_delta, :after_id))",
            "c.delta30d, c.account_id"));

    @Inject
    AgroalDataSource dataSource;
    @Inject
    ObjectMapper mapper;

    /** Filters of the lists; null means any. */
    public record ListFilter(String segment, String owner, String team) {
    }

    public Optional<HealthScoreView> current(long accountId) {
        return one(CURRENT, Map.of("id", accountId));
    }

    /** The latest score computed as of {@code at} or earlier. */
    public Optional<HealthScoreView> at(long accountId, Instant at) {
        return one(AT, Map.of("id", accountId, "at", at));
    }

    public List<HealthScoreView> history(long accountId, LocalDate from, LocalDate to) {
        return query(HISTORY, Map.of("id", accountId, "from", from, "to", to), this::score);
    }

    List<HealthListItem> byGrade(HealthGrade grade, ListFilter filter, Caller caller, long afterId, int limit) {
        Map<String, Object> params = listParams(filter, caller, limit);
        params.put("grade", grade == null ? null : grade.name());
        params.put("after_id", afterId);
        return query(BY_GRADE, params, HealthScoreRepository::item);
    }

    /** Accounts whose score fell by {@code minDrop} or more in 30 days, the largest fall first. */
    List<HealthListItem> largestDrops(int minDrop, ListFilter filter, Caller caller, Integer afterDelta, long afterId,
            int limit) {
        Map<String, Object> params = listParams(filter, caller, limit);
        params.put("min_drop", minDrop);
        params.put("after_delta", afterDelta);
        params.put("after_id", afterId);
        return query(DROPS, params, HealthScoreRepository::item);
    }

    private static Map<String, Object> listParams(ListFilter filter, Caller caller, int limit) {
        Map<String, Object> params = new HashMap<>();
        params.put("segment", filter.segment());
        params.put("owner", filter.owner());
        params.put("team", filter.team());
        params.put("scoped", caller.scopedToOwnAccounts());
        params.put("me", caller.username());
        params.put("my_team", caller.team());
        params.put("limit", limit);
        return params;
    }

    private static HealthListItem item(ResultSet rs) throws SQLException {
        return new HealthListItem(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getObject(7, LocalDate.class), integer(rs, 8), grade(rs.getString(9)), integer(rs, 10));
    }

    private HealthScoreView score(ResultSet rs) throws SQLException {
        try {
            BigDecimal coverage = rs.getBigDecimal("coverage");
            return HealthScoreView.of(rs.getLong("account_id"), rs.getObject("day", LocalDate.class),
                    rs.getTimestamp("as_of").toInstant(), integer(rs, "score"), grade(rs.getString("grade")),
                    integer(rs, "delta30d"), coverage.doubleValue(), rs.getString("scorecard_version"),
                    rs.getString("variant"), mapper.readValue(rs.getString("measures"), MEASURES));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored measures are not valid JSON", e);
        }
    }

    private static HealthGrade grade(String grade) {
        return grade == null ? null : HealthGrade.valueOf(grade);
    }

    private static Integer integer(ResultSet rs, int column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    private static Integer integer(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    private Optional<HealthScoreView> one(NamedSql sql, Map<String, ?> params) {
        return SqlRows.first(dataSource, sql, params, this::score);
    }

    private <T> List<T> query(NamedSql sql, Map<String, ?> params, SqlRows.Row<T> row) {
        return SqlRows.list(dataSource, sql, params, row);
    }
}
