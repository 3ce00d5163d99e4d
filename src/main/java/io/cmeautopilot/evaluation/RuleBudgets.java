package io.cmeautopilot.evaluation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.cmeautopilot.common.NamedSql;
import io.cmeautopilot.rules.Proposal;
import io.cmeautopilot.rules.RuleBook;
import io.cmeautopilot.rules.RuleInfo;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The {@code @maxPerRun} guardrail across chunks and nodes. Each chunk reserves its share of a
 * capped rule's budget in a short transaction of its own, before its writes: a row per run, rule
 * and chunk, written under a lock on the run's and rule's budget, so the shares never add up to
 * more than the limit. A chunk tried again replaces its own share instead of adding to it. (The
 * reservation used to live in the chunk's transaction, which held the budget's lock through all
 * the chunk's writes and made the workers of every node take turns.)
 */
@ApplicationScoped
class RuleBudgets {

    private static final Logger LOG = Logger.getLogger(RuleBudgets.class);

    private static final NamedSql LOCK = NamedSql.of("SELECT pg_advisory_xact_lock(:key)");

    private static final NamedSql RESERVE = NamedSql.of("""
            WITH others AS (SELECT coalesce(sum(used), 0) AS used FROM evaluation_rule_budget
                            WHERE run_id = :run AND rule = :rule AND seq <> :seq)
            INSERT INTO evaluation_rule_budget AS b (run_id, rule, seq, used)
            SELECT :run, :rule, :seq, least(:wanted, greatest(0, :limit - others.used)) FROM others
            ON CONFLICT (run_id, rule, seq) DO UPDATE SET used = excluded.used
            RETURNING used, (SELECT used FROM others) AS others""");

    @Inject
    AgroalDataSource dataSource;

    /**
     * For each capped rule among the proposals, how many of them this chunk may apply; rules
     * without {@code @maxPerRun} are absent (no limit).
     */
    Map<String, Integer> reserve(long runId, int seq, RuleBook book, List<Proposal> proposals) {
        Map<String, Integer> wanted = new HashMap<>();
        Map<String, Integer> limits = new HashMap<>();
        for (Proposal p : proposals) {
            Integer limit = book.rule(p.rulePackage(), p.rule()).map(RuleInfo::maxPerRun).orElse(null);
            if (limit != null) {
                wanted.merge(p.rule(), 1, Integer::sum);
                limits.put(p.rule(), limit);
            }
        }
        Map<String, Integer> allowed = new HashMap<>();
        // One short transaction per rule: a chunk never holds two budgets' locks at once.
        for (String rule : wanted.keySet()) {
            int limit = limits.get(rule);
            int[] grantedAndOthers = QuarkusTransaction.requiringNew().call(() -> reserve(runId, seq, rule,
                    wanted.get(rule), limit));
            int granted = grantedAndOthers[0];
            allowed.put(rule, granted);
            // Once per run and rule: by the chunk whose share reached the limit.
            if (granted < wanted.get(rule) && grantedAndOthers[1] < limit) {
                LOG.warnf("Rule '%s' proposed more than its @maxPerRun(%d) in run %d; the rest is held", rule, limit,
                        runId);
            }
        }
        return allowed;
    }

    /** One advisory lock per run and rule (a collision only makes two budgets take turns). */
    private static long lockKey(long runId, String rule) {
        return ((long) Long.hashCode(runId) << 32) | (rule.hashCode() & 0xffffffffL);
    }

    /** This chunk's share, and the other chunks' shares at the time. */
    private int[] reserve(long runId, int seq, String rule, int wanted, int limit) {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = LOCK.prepare(c, Map.of("key", lockKey(runId, rule)));
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
            }
            try (PreparedStatement ps = RESERVE.prepare(c, Map.of("run", runId, "rule", rule, "seq", seq,
                    "wanted", wanted, "limit", limit)); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new int[] { rs.getInt("used"), rs.getInt("others") };
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not reserve the @maxPerRun budget of " + rule, e);
        }
    }
}
