package io.cmeautopilot.tasks;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import org.hibernate.LockOptions;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;

@ApplicationScoped
class TaskRepository implements PanacheRepository<CmeTask> {

    /** Queue order: priority (URGENT first), then due time (none last), then age. */
    private static final String ORDER = " order by queueRank, dueSort, id";

    /** The position after which a page starts (keyset pagination). */
    record After(short rank, Instant due, long id) {
    }

    List<CmeTask> page(String column, String value, TaskFilter filter, After after, int limit) {
        StringBuilder q = new StringBuilder(column).append(" = :value and status in :statuses");
        Parameters p = Parameters.with("value", value).and("statuses", filter.statuses());
        if (filter.type() != null) {
            q.append(" and type = :type");
            p.and("type", filter.type());
        }
        if (filter.priority() != null) {
            q.append(" and priority = :priority");
            p.and("priority", filter.priority());
        }
        if (filter.dueBefore() != null) {
            q.append(" and dueAt < :dueBefore");
            p.and("dueBefore", filter.dueBefore());
        }
        if (filter.accountId() != null) {
            q.append(" and accountId = :accountId");
            p.and("accountId", filter.accountId());
        }
        if (after != null) {
            q.append(" and (queueRank > :r or (queueRank = :r and (dueSort > :d or (dueSort = :d and id > :i))))");
            p.and("r", after.rank()).and("d", after.due()).and("i", after.id());
        }
        return find(q + ORDER, p).range(0, limit - 1).list();
    }

    /**
     * The most urgent unassigned open task of a team, locked for this transaction; rows another
     * claimer holds are skipped, so concurrent claimers never get the same task and never wait.
     */
    Optional<CmeTask> lockNextUnassigned(String team) {
        return find("team = ?1 and assignee is null and status = ?2" + ORDER, team, TaskStatus.OPEN)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .withHint("jakarta.persistence.lock.timeout", LockOptions.SKIP_LOCKED)
                .firstResultOptional();
    }
}
