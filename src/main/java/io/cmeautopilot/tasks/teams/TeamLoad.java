package io.cmeautopilot.tasks.teams;

import java.time.Clock;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jdbi.v3.core.Jdbi;

import io.cmeautopilot.common.Caller;
import io.cmeautopilot.common.ProblemException;

/**
 * How loaded a team's CMEs are, the way the least-loaded strategy sees it: each member's open tasks
 * (in any team) weighted by priority, and how many are overdue; plus the team's unassigned queue.
 * A CME reads only their own team's (404 for the others, as the team's queue).
 */
@ApplicationScoped
public class TeamLoad {

    /** One member's open work: tasks, their weight (LOW 1 .. URGENT 8), and those past due (not snoozed). */
    public record Member(String username, int open, int weighted, int overdue) {
    }

    /** The members' load, heaviest first, and the team queue's unassigned and overdue tasks. */
    public record Load(String team, List<Member> members, int unassigned, int unassignedOverdue) {

        /** The largest weighted load, to scale the bars of a chart (at least 1). */
        public int maxWeighted() {
            return Math.max(1, members.stream().mapToInt(Member::weighted).max().orElse(0));
        }
    }

    private static final String MEMBERS = """
            SELECT u.username, count(t.id) AS open, coalesce(sum(%s), 0) AS weighted,
                   count(t.id) FILTER (WHERE t.due_at < :now AND t.status <> 'SNOOZED') AS overdue
            FROM users u
            LEFT JOIN tasks t ON t.assignee = u.username AND t.status IN ('OPEN', 'IN_PROGRESS', 'SNOOZED')
            WHERE u.team = :team AND 'cme' = ANY(u.roles) AND NOT u.disabled
            GROUP BY u.username ORDER BY weighted DESC, u.username""".formatted(TeamAssigner.WEIGHT);

    private static final String UNASSIGNED = """
            SELECT count(*) AS open, count(*) FILTER (WHERE due_at < :now) AS overdue FROM tasks
            WHERE team = :team AND assignee IS NULL AND status = 'OPEN'""";

    @Inject
    Jdbi jdbi;
    @Inject
    Clock clock;

    public Load of(String team, Caller caller) {
        if (caller.scopedToOwnAccounts() && !team.equals(caller.team())) {
            throw ProblemException.notFound("team", "'" + team + "'");
        }
        var now = clock.instant();
        return jdbi.withHandle(h -> {
            List<Member> members = h.createQuery(MEMBERS).bind("team", team).bind("now", now)
                    .map((rs, ctx) -> new Member(rs.getString("username"), rs.getInt("open"), rs.getInt("weighted"),
                            rs.getInt("overdue")))
                    .list();
            return h.createQuery(UNASSIGNED).bind("team", team).bind("now", now)
                    .map((rs, ctx) -> new Load(team, members, rs.getInt("open"), rs.getInt("overdue"))).one();
        });
    }
}
