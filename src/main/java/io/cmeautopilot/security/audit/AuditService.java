package io.cmeautopilot.security.audit;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.cmeautopilot.common.AuditTrail;
import io.cmeautopilot.common.Cursor;
import io.cmeautopilot.common.Page;
import io.cmeautopilot.common.ProblemException;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;

/**
 * Records who changed rules, schedules, keys, users and endpoints. Written in the transaction of
 * the change itself, so there is no change without its entry and no entry without its change.
 */
@ApplicationScoped
public class AuditService implements PanacheRepository<AuditEntry>, AuditTrail {

    static final int MAX_PAGE_SIZE = 500;

    @Inject
    Clock clock;

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String actor, String action, String targetType, Object targetId, Map<String, Object> details) {
        AuditEntry entry = new AuditEntry();
        entry.at = clock.instant();
        entry.actor = actor;
        entry.action = action;
        entry.targetType = targetType;
        entry.targetId = targetId == null ? null : targetId.toString();
        entry.details = details == null ? null : new HashMap<>(details);
        persist(entry);
    }

    /** Newest first; optionally only one actor's, one action's or one target type's entries. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<AuditView> list(String actor, String action, String targetType, String cursor, int limit) {
        if (limit < 1 || limit > MAX_PAGE_SIZE) {
            throw ProblemException.invalidField("limit", "must be between 1 and " + MAX_PAGE_SIZE);
        }
        StringBuilder query = new StringBuilder("id < :before");
        Map<String, Object> params = new HashMap<>(Map.of("before", cursor == null ? Long.MAX_VALUE : Cursor.decodeLong(cursor)));
        if (actor != null) {
            query.append(" and actor = :actor");
            params.put("actor", actor);
        }
        if (action != null) {
            query.append(" and action = :action");
            params.put("action", action);
        }
        if (targetType != null) {
            query.append(" and targetType = :targetType");
            params.put("targetType", targetType);
        }
        Parameters parameters = new Parameters();
        params.forEach(parameters::and);
        List<AuditEntry> rows = find(query + " order by id desc", parameters).range(0, limit).list();
        boolean more = rows.size() > limit;
        List<AuditView> items = rows.stream().limit(limit).map(AuditView::of).toList();
        return new Page<>(items, more ? Cursor.encode(items.get(items.size() - 1).id()) : null);
    }
}
