package io.cmeautopilot.offers;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;
import io.cmeautopilot.common.Caller;
import io.cmeautopilot.common.Cursor;
import io.cmeautopilot.common.NamedSql;
import io.cmeautopilot.common.ProblemException;

/**
 * Who sees which offers and suggestions, and their listings. Ops and admins see all; a CME those on
 * the accounts of their book (owned by them or their team) and those whose task is assigned to them.
 * Outside that they do not exist (404), as accounts and tasks.
 */
@ApplicationScoped
public class OfferScope {

    static final int MAX_PAGE_SIZE = 200;

    private static final NamedSql WHO = NamedSql.of("""
            SELECT a.owner, a.team, t.assignee FROM accounts a LEFT JOIN tasks t ON t.id = CAST(:task AS bigint)
            WHERE a.id = :account""");

    /** Newest first, keyset on the id; filters are optional, the caller's scope is not. */
    private static final String PAGE = """
            SELECT x.id FROM %s x JOIN accounts a ON a.id = x.account_id LEFT JOIN tasks t ON t.id = x.task_id
            WHERE x.status = ANY(:statuses) AND x.id < :before
              AND (CAST(:account AS bigint) IS NULL OR x.account_id = CAST(:account AS bigint))
              AND (CAST(:assignee AS text) IS NULL OR t.assignee = CAST(:assignee AS text))
              AND (NOT :scoped OR a.owner = CAST(:me AS text) OR a.team = CAST(:team AS text)
                   OR t.assignee = CAST(:me AS text))
            ORDER BY x.id DESC LIMIT :limit""";
    private static final NamedSql OFFER_PAGE = NamedSql.of(PAGE.formatted("offers"));
    private static final NamedSql SUGGESTION_PAGE = NamedSql.of(PAGE.formatted("suggestions"));

    @Inject
    AgroalDataSource dataSource;

    /** What to list: of one account, of one assignee (the CME whose queue holds the task), in these states. */
    public record Filter(Long accountId, String assignee, Collection<String> statuses) {
    }

    /** One page of ids, newest first, and the cursor of the next page (null on the last). */
    record Ids(List<Long> ids, String nextCursor) {
    }

    boolean canSee(long accountId, Long taskId, Caller caller) {
        if (!caller.scopedToOwnAccounts()) {
            return true;
        }
        Map<String, Object> p = new HashMap<>();
        p.put("task", taskId);
        p.put("account", accountId);
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = WHO.prepare(c, p);
                ResultSet rs = ps.executeQuery()) {
            return rs.next() && (caller.canSee(rs.getString(1), rs.getString(2))
                    || caller.username().equals(rs.getString(3)));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not check who may see account " + accountId, e);
        }
    }

    Ids offers(Filter filter, Caller caller, String cursor, int limit) {
        return page(OFFER_PAGE, filter, caller, cursor, limit);
    }

    Ids suggestions(Filter filter, Caller caller, String cursor, int limit) {
        return page(SUGGESTION_PAGE, filter, caller, cursor, limit);
    }

    private Ids page(NamedSql sql, Filter filter, Caller caller, String cursor, int limit) {
        if (limit < 1 || limit > MAX_PAGE_SIZE) {
            throw ProblemException.invalidField("limit", "must be between 1 and " + MAX_PAGE_SIZE);
        }
        if (filter.accountId() != null && !canSee(filter.accountId(), null, caller)) {
            throw ProblemException.notFound("account", filter.accountId());
        }
        Map<String, Object> p = new HashMap<>();
        p.put("statuses", filter.statuses().toArray(String[]::new));
        p.put("before", cursor == null ? Long.MAX_VALUE : Cursor.decodeLong(cursor));
        p.put("account", filter.accountId());
        p.put("assignee", filter.assignee());
        p.put("scoped", caller.scopedToOwnAccounts());
        p.put("me", caller.username());
        p.put("team", caller.team());
        p.put("limit", limit + 1);
        List<Long> ids = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = sql.prepare(c, p);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not list offers or suggestions", e);
        }
        boolean more = ids.size() > limit;
        List<Long> shown = ids.subList(0, Math.min(limit, ids.size()));
        return new Ids(List.copyOf(shown), more ? Cursor.encode(shown.get(shown.size() - 1)) : null);
    }
}
