package io.cmeautopilot.evaluation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.cmeautopilot.common.NamedSql;
import io.cmeautopilot.health.HealthScoring;
import io.cmeautopilot.rules.RuleBookHolder;
import io.quarkus.scheduler.Scheduled;

/**
 * Evaluates accounts soon after new signals arrive: ingestion marks them; every few seconds each
 * node takes marks that have been quiet for the debounce time (a burst of signals is one
 * evaluation), with SKIP LOCKED so nodes never take the same account, scores their health and runs
 * them in apply mode.
 */
@ApplicationScoped
class DirtyAccountEvaluator {

    private static final Logger LOG = Logger.getLogger(DirtyAccountEvaluator.class);
    static final int BATCH = 500;

    private static final NamedSql TAKE = NamedSql.of("""
            DELETE FROM dirty_accounts WHERE account_id IN (
                SELECT account_id FROM dirty_accounts WHERE marked_at <= :settled
                ORDER BY marked_at LIMIT :batch FOR UPDATE SKIP LOCKED)
            RETURNING account_id""");

    private static final NamedSql GIVE_BACK = NamedSql.of("""
            INSERT INTO dirty_accounts (account_id, marked_at)
            SELECT a.id, :now FROM accounts a WHERE a.id = ANY(:ids)
            ON CONFLICT (account_id) DO NOTHING""");

    @Inject
    EvaluationService evaluations;
    @Inject
    RuleBookHolder books;
    @Inject
    HealthScoring health;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    Clock clock;

    @Inject
    EvaluationConfig config;

    @Scheduled(identity = "dirty-accounts", every = "${cme.evaluation.dirty-interval:2s}",
            executeWith = Scheduled.SIMPLE, concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        runOnce();
    }

    /** One round: how many accounts it evaluated. Without an active rule book the marks wait. */
    int runOnce() {
        if (books.current().isEmpty()) {
            return 0;
        }
        List<Long> ids = take();
        if (ids.isEmpty()) {
            return 0;
        }
        scoreHealth(ids);
        try {
            evaluations.run(new EvaluationRequest(EvaluationRequest.Scope.of(ids), "apply"), "signals",
                    "system");
        } catch (RuntimeException e) {
            // The signals are stored; only the prompt evaluation failed. Mark them again for the next round.
            LOG.errorf(e, "Evaluating %d account(s) with new signals failed; they will be tried again", ids.size());
            execute(GIVE_BACK, Map.of("ids", ids.toArray(Long[]::new), "now", clock.instant()));
        }
        return ids.size();
    }

    /**
     * New signals change the health score too: score the accounts first, so that the rules see the
     * fresh score. A failure here costs only the fresh score (the daily pass scores them again).
     */
    private void scoreHealth(List<Long> ids) {
        try {
            health.scoreAccounts(ids);
        } catch (RuntimeException e) {
            LOG.errorf(e, "Scoring the health of %d account(s) with new signals failed; their rules see the last stored score",
                    ids.size());
        }
    }

    private List<Long> take() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = TAKE.prepare(c, Map.of("settled", clock.instant().minus(config.dirtyDebounce()), "batch", BATCH));
                ResultSet rs = ps.executeQuery()) {
            List<Long> ids = new ArrayList<>();
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
            return ids;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not take accounts with new signals", e);
        }
    }

    private void execute(NamedSql sql, Map<String, ?> params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = sql.prepare(c, params)) {
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not mark accounts again", e);
        }
    }
}
