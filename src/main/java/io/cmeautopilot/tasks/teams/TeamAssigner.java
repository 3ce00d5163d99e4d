package io.cmeautopilot.tasks.teams;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.agroal.api.AgroalDataSource;
import io.cmeautopilot.common.NamedSql;

/**
 * Decides who gets a new task: the account owner if there is one; otherwise the team's strategy
 * deals it to a member, or leaves it unassigned in the team's queue. A dealing strategy locks the
 * team's row until the caller's transaction ends, so concurrent dealers (threads, runs, nodes) take
 * turns and each sees the tasks the previous one dealt: round-robin stays fair and least-loaded
 * never hands the same "least loaded" member two tasks on a stale count.
 */
@ApplicationScoped
public class TeamAssigner {

    /** The team's members: enabled users with the cme role. Other roles and disabled users are never dealt work. */
    private static final String MEMBER = "u.team = :team AND 'cme' = ANY(u.roles) AND NOT u.disabled";

    private static final NamedSql STRATEGY = NamedSql.of("SELECT strategy FROM teams WHERE name = :team");
    private static final NamedSql LOCK = NamedSql.of(
            "SELECT strategy, last_dealt_to FROM teams WHERE name = :team FOR UPDATE");
    /** The member after the last one dealt to, in user-name order, wrapping around to the first. */
    private static final NamedSql NEXT_IN_TURN = NamedSql.of("SELECT u.username FROM users u WHERE " + MEMBER
            + " ORDER BY coalesce(u.username <= CAST(:last AS text), false), u.username LIMIT 1");
    /** A task's weight in a member's load: LOW 1, NORMAL 2, HIGH 4, URGENT 8 (by queue rank, URGENT 0 .. LOW 3). */
    static final String WEIGHT = "CASE t.queue_rank WHEN 0 THEN 8 WHEN 1 THEN 4 WHEN 2 THEN 2 WHEN 3 THEN 1 END";
    /** Open work per member, weighted by priority; ties by name. */
    private static final NamedSql LEAST_LOADED = NamedSql.of("""
            SELECT u.username FROM users u
            LEFT JOIN tasks t ON t.assignee = u.username AND t.status IN ('OPEN', 'IN_PROGRESS', 'SNOOZED')
            WHERE %s
            GROUP BY u.username
            ORDER BY coalesce(sum(%s), 0), u.username
            LIMIT 1""".formatted(MEMBER, WEIGHT));
    private static final NamedSql DEALT = NamedSql.of("UPDATE teams SET last_dealt_to = :member WHERE name = :team");
    private static final NamedSql MEMBER_LIST = NamedSql.of("SELECT u.username FROM users u WHERE " + MEMBER
            + " ORDER BY u.username");

    @Inject
    AgroalDataSource dataSource;

    /**
     * The assignee of a new task for an account with this owner and team; empty means "the team's
     * queue". Must run inside the transaction that creates the task (the team lock lasts until it ends).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<String> assigneeFor(String owner, String team) {
        if (owner != null) {
            return Optional.of(owner);
        }
        if (team == null) {
            return Optional.empty();
        }
        try (Connection c = dataSource.getConnection()) {
            Optional<AssignmentStrategy> strategy = firstString(c, STRATEGY, Map.of("team", team))
                    .flatMap(AssignmentStrategy::fromCode);
            if (strategy.isEmpty() || strategy.get() == AssignmentStrategy.OWNER_ONLY) {
                return Optional.empty(); // no lock: nothing is dealt
            }
            return deal(c, team);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not deal a task in team " + team, e);
        }
    }

    private Optional<String> deal(Connection c, String team) throws SQLException {
        String strategy;
        String last;
        try (PreparedStatement ps = LOCK.prepare(c, Map.of("team", team)); ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return Optional.empty(); // the settings were deleted meanwhile
            }
            strategy = rs.getString(1);
            last = rs.getString(2);
        }
        Map<String, Object> p = new HashMap<>();
        p.put("team", team);
        p.put("last", last);
        Optional<String> member = switch (AssignmentStrategy.fromCode(strategy).orElse(AssignmentStrategy.OWNER_ONLY)) {
            case ROUND_ROBIN -> firstString(c, NEXT_IN_TURN, p);
            case LEAST_LOADED -> firstString(c, LEAST_LOADED, p);
            case OWNER_ONLY -> Optional.empty();
        };
        if (member.isPresent()) {
            try (PreparedStatement ps = DEALT.prepare(c, Map.of("team", team, "member", member.get()))) {
                ps.executeUpdate();
            }
        }
        return member;
    }

    /** The members tasks of this team are dealt to, by user name. */
    List<String> members(String team) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = MEMBER_LIST.prepare(c, Map.of("team", team));
                ResultSet rs = ps.executeQuery()) {
            List<String> names = new ArrayList<>();
            while (rs.next()) {
                names.add(rs.getString(1));
            }
            return names;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not list the members of team " + team, e);
        }
    }

    private static Optional<String> firstString(Connection c, NamedSql sql, Map<String, ?> params) throws SQLException {
        try (PreparedStatement ps = sql.prepare(c, params); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
        }
    }
}
