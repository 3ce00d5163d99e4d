package io.cmeautopilot.offers;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.cmeautopilot.common.NamedSql;
import io.cmeautopilot.rules.api.Priority;
import io.cmeautopilot.tasks.LinkedTasks;
import io.cmeautopilot.tasks.RuleTask;

/**
 * Turns rule proposals into retention offers and expansion suggestions, with the guarantees of rule
 * tasks: while one with the same dedupe key is open, a new proposal refreshes it (evidence and run;
 * its terms only while nobody has decided on them) instead of adding another, enforced by a partial
 * unique index so it holds for concurrent runs on any node; after one closes, its key is not
 * proposed again until the rule's cooldown has passed. A new one comes with its linked task on the
 * CME's queue, assigned like any rule task.
 */
@ApplicationScoped
public class RuleOfferWriter {

    /** What happened to one proposal. */
    public enum Outcome {
        CREATED, UPDATED, SUPPRESSED_BY_COOLDOWN
    }

    /** How an offer's terms read in its history. */
    private static final String OFFER_TERMS = "kind || coalesce(' ' || value, '') || ', valid ' || valid_for_days "
            + "|| ' days: ' || reason";
    private static final String SUGGESTION_TERMS = "kind || ' to ' || target "
            + "|| coalesce(' (+' || estimated_arr_uplift || ' ARR)', '') || ': ' || reason";

    private static final Statements OFFERS = Statements.of(OfferHistory.Subject.OFFER, "offers",
            "('PROPOSED', 'APPROVED', 'SENT')", OFFER_TERMS, "PROPOSED", OfferService.OFFERS, """
                    INSERT INTO offers AS o (account_id, kind, value, valid_for_days, reason, status, rule_name,
                                             rule_book_version, run_id, proposed_at, evidence, dedupe_key,
                                             created_at, updated_at)
                    VALUES (:account, :kind, :value, :days, :reason, 'PROPOSED', :rule, :version, :run, :now,
                            CAST(:evidence AS jsonb), :key, :now, :now)
                    ON CONFLICT (dedupe_key) WHERE status IN ('PROPOSED', 'APPROVED', 'SENT')
                    DO UPDATE SET evidence = excluded.evidence, run_id = excluded.run_id,
                        proposed_at = excluded.proposed_at, rule_book_version = excluded.rule_book_version,
                        updated_at = excluded.updated_at,
                        kind = CASE WHEN o.status = 'PROPOSED' THEN excluded.kind ELSE o.kind END,
                        value = CASE WHEN o.status = 'PROPOSED' THEN excluded.value ELSE o.value END,
                        valid_for_days = CASE WHEN o.status = 'PROPOSED' THEN excluded.valid_for_days
                                              ELSE o.valid_for_days END,
                        reason = CASE WHEN o.status = 'PROPOSED' THEN excluded.reason ELSE o.reason END,
                        version = o.version + CASE WHEN o.status = 'PROPOSED'
                            AND (o.kind, o.value, o.valid_for_days, o.reason) IS DISTINCT FROM
                                (excluded.kind, excluded.value, excluded.valid_for_days, excluded.reason)
                            THEN 1 ELSE 0 END
                    RETURNING o.id, (xmax = 0) AS created, %s AS terms""".formatted(OFFER_TERMS));

    private static final Statements SUGGESTIONS = Statements.of(OfferHistory.Subject.SUGGESTION, "suggestions",
            "('SUGGESTED', 'PURSUED')", SUGGESTION_TERMS, "SUGGESTED", OfferService.SUGGESTIONS, """
                    INSERT INTO suggestions AS s (account_id, kind, target, estimated_arr_uplift, reason, status,
                                                  rule_name, rule_book_version, run_id, proposed_at, evidence,
                                                  dedupe_key, created_at, updated_at)
                    VALUES (:account, :kind, :target, :uplift, :reason, 'SUGGESTED', :rule, :version, :run, :now,
                            CAST(:evidence AS jsonb), :key, :now, :now)
                    ON CONFLICT (dedupe_key) WHERE status IN ('SUGGESTED', 'PURSUED')
                    DO UPDATE SET evidence = excluded.evidence, run_id = excluded.run_id,
                        proposed_at = excluded.proposed_at, rule_book_version = excluded.rule_book_version,
                        updated_at = excluded.updated_at,
                        kind = CASE WHEN s.status = 'SUGGESTED' THEN excluded.kind ELSE s.kind END,
                        target = CASE WHEN s.status = 'SUGGESTED' THEN excluded.target ELSE s.target END,
                        estimated_arr_uplift = CASE WHEN s.status = 'SUGGESTED' THEN excluded.estimated_arr_uplift
                                                    ELSE s.estimated_arr_uplift END,
                        reason = CASE WHEN s.status = 'SUGGESTED' THEN excluded.reason ELSE s.reason END,
                        version = s.version + CASE WHEN s.status = 'SUGGESTED'
                            AND (s.kind, s.target, s.estimated_arr_uplift, s.reason) IS DISTINCT FROM
                                (excluded.kind, excluded.target, excluded.estimated_arr_uplift, excluded.reason)
                            THEN 1 ELSE 0 END
                    RETURNING s.id, (xmax = 0) AS created, %s AS terms""".formatted(SUGGESTION_TERMS));

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    AgroalDataSource dataSource;
    @Inject
    LinkedTasks linkedTasks;
    @Inject
    OffersConfig config;
    @Inject
    Clock clock;

    /** Applies one offer proposal, inside the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Outcome write(RuleOffer offer) {
        Map<String, Object> terms = new HashMap<>();
        terms.put("kind", offer.kind());
        terms.put("value", offer.value() == null ? null : BigDecimal.valueOf(offer.value()));
        terms.put("days", offer.validForDays());
        terms.put("reason", offer.reason());
        return write(OFFERS, offer.accountId(), terms, offer.origin(),
                new LinkedWork("churn-risk", Priority.HIGH, "Retention offer to decide: " + offerTitle(offer),
                        offer.reason()));
    }

    /** Applies one suggestion proposal, inside the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Outcome write(RuleSuggestion suggestion) {
        Map<String, Object> terms = new HashMap<>();
        terms.put("kind", suggestion.kind());
        terms.put("target", suggestion.target());
        terms.put("uplift", suggestion.estimatedArrUplift() == null ? null
                : BigDecimal.valueOf(suggestion.estimatedArrUplift()));
        terms.put("reason", suggestion.reason());
        return write(SUGGESTIONS, suggestion.accountId(), terms, suggestion.origin(),
                new LinkedWork("expansion", Priority.NORMAL,
                        "Expansion to pursue: " + suggestion.kind() + " to " + suggestion.target(), suggestion.reason()));
    }

    /** What {@link #write(RuleOffer)} would do now, writing nothing. */
    public Outcome preview(RuleOffer offer) {
        return preview(OFFERS, offer.origin());
    }

    /** What {@link #write(RuleSuggestion)} would do now, writing nothing. */
    public Outcome preview(RuleSuggestion suggestion) {
        return preview(SUGGESTIONS, suggestion.origin());
    }

    private Outcome preview(Statements s, RuleOrigin origin) {
        Instant now = clock.instant();
        try (Connection c = dataSource.getConnection()) {
            if (origin.cooldown() != null && inCooldown(c, s, origin, now)) {
                return Outcome.SUPPRESSED_BY_COOLDOWN;
            }
            return openTerms(c, s, origin.dedupeKey()) == null ? Outcome.CREATED : Outcome.UPDATED;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not look up the " + s.table() + " of " + origin.rule(), e);
        }
    }

    private Outcome write(Statements s, long accountId, Map<String, Object> terms, RuleOrigin origin, LinkedWork work) {
        Instant now = clock.instant();
        String actor = "rule:" + origin.rule();
        try (Connection c = dataSource.getConnection()) {
            if (origin.cooldown() != null && inCooldown(c, s, origin, now)) {
                return Outcome.SUPPRESSED_BY_COOLDOWN;
            }
            String before = openTerms(c, s, origin.dedupeKey());
            Map<String, Object> p = new HashMap<>(terms);
            p.put("account", accountId);
            p.put("rule", origin.rule());
            p.put("version", origin.ruleBookVersion());
            p.put("run", origin.runId());
            p.put("now", now);
            p.put("evidence", json(origin.evidence()));
            p.put("key", origin.dedupeKey());
            long id;
            String after;
            try (PreparedStatement ps = s.upsert().prepare(c, p); ResultSet rs = ps.executeQuery()) {
                rs.next();
                id = rs.getLong("id");
                after = rs.getString("terms");
                if (!rs.getBoolean("created")) {
                    if (before != null && !before.equals(after)) {
                        history(c, s, id, now, actor, "terms", before, after, "proposed again in run " + origin.runId());
                    }
                    return Outcome.UPDATED;
                }
            }
            history(c, s, id, now, actor, "created", null, s.firstStatus(), after);
            long task = linkedTasks.open(new RuleTask(accountId, work.type(), work.title(), work.body(), work.priority(),
                    now.plus(config.decideWithin()), origin.rule(), origin.ruleBookVersion(), origin.runId(),
                    origin.evidence(), null, null, s.path() + id));
            update(c, s.linkTask(), Map.of("task", task, "id", id));
            return Outcome.CREATED;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not write the " + s.table() + " proposed by " + origin.rule(), e);
        }
    }

    private static boolean inCooldown(Connection c, Statements s, RuleOrigin origin, Instant now) throws SQLException {
        try (PreparedStatement ps = s.inCooldown().prepare(c,
                Map.of("key", origin.dedupeKey(), "since", now.minus(origin.cooldown())));
                ResultSet rs = ps.executeQuery()) {
            return rs.next();
        }
    }

    /** The terms of the open one with this key, as its history shows them; null when none is open. */
    private static String openTerms(Connection c, Statements s, String key) throws SQLException {
        try (PreparedStatement ps = s.openTerms().prepare(c, Map.of("key", key)); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static void history(Connection c, Statements s, long id, Instant now, String actor, String change,
            String from, String to, String note) throws SQLException {
        Map<String, Object> p = new HashMap<>();
        p.put("id", id);
        p.put("now", now);
        p.put("actor", actor);
        p.put("change", change);
        p.put("from", from);
        p.put("to", to);
        p.put("note", note);
        update(c, s.history(), p);
    }

    private static void update(Connection c, NamedSql sql, Map<String, Object> p) throws SQLException {
        try (PreparedStatement ps = sql.prepare(c, p)) {
            ps.executeUpdate();
        }
    }

    private static String offerTitle(RuleOffer offer) {
        String value = offer.value() == null ? null : BigDecimal.valueOf(offer.value()).stripTrailingZeros().toPlainString();
        if (value == null) {
            return offer.kind();
        }
        return switch (offer.kind()) {
            case "discount" -> value + "% discount";
            case "extension" -> value + "-month extension";
            default -> offer.kind() + " (" + value + ")";
        };
    }

    private static String json(Map<String, Object> evidence) {
        try {
            return JSON.writeValueAsString(evidence);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("The evidence cannot be written as JSON", e);
        }
    }

    /** What differs between offers and suggestions in the writing flow: the table, its states and statements. */
    private record Statements(String table, String firstStatus, String path, NamedSql upsert, NamedSql inCooldown,
            NamedSql openTerms, NamedSql linkTask, NamedSql history) {

        static Statements of(OfferHistory.Subject subject, String table, String openStates, String terms,
                String firstStatus, String path, String upsert) {
            return new Statements(table, firstStatus, path, NamedSql.of(upsert),
                    NamedSql.of("SELECT 1 FROM " + table + " WHERE dedupe_key = :key AND closed_at > :since LIMIT 1"),
                    NamedSql.of("SELECT " + terms + " FROM " + table + " WHERE dedupe_key = :key AND status IN "
                            + openStates),
                    NamedSql.of("UPDATE " + table + " SET task_id = :task WHERE id = :id"),
                    NamedSql.of("INSERT INTO offer_history (" + subject.column + ", at, actor, change, from_value, "
                            + "to_value, note) VALUES (:id, :now, :actor, :change, :from, :to, :note)"));
        }
    }

    /** The linked task that puts a new offer or suggestion on the CME's queue. */
    private record LinkedWork(String type, Priority priority, String title, String body) {
    }
}
