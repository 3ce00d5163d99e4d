package io.cmeautopilot.rules;

import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.cmeautopilot.common.Cursor;
import io.cmeautopilot.common.Page;
import io.cmeautopilot.common.ProblemException;
import io.cmeautopilot.security.audit.AuditService;
import io.quarkus.hibernate.orm.panache.PanacheRepository;

/**
 * Rule book versions in PostgreSQL: every load attempt, and which version is active. Activation
 * and its audit entry are one transaction.
 */
@ApplicationScoped
class RuleBookHistory implements PanacheRepository<RuleBookLoad> {

    static final int MAX_PAGE_SIZE = 200;
    /** pg_advisory_xact_lock key serializing rule book activations across nodes ("cmerules" in ASCII). */
    static final long ACTIVATION_LOCK = 0x636d6572756c6573L;

    @Inject
    Clock clock;
    @Inject
    AuditService audit;

    /** What became of a version offered to the cluster (see {@link #offer}). */
    enum Offer {
        /** It is now the active version; the previous one is superseded. */
        ACTIVATED,
        /** It already was the active version; nothing was written. */
        ALREADY_ACTIVE,
        /** It was active once and has been replaced since; it stays replaced (recorded as SUPERSEDED). */
        SUPERSEDED
    }

    /**
     * Makes a compiled version the one every node evaluates, unless it already is, or unless it was
     * active before and has been replaced since and {@code restoreSuperseded} is false: a node
     * restarted with stale files must not undo a newer activation. Activations are serialized across
     * nodes by a transaction-scoped advisory lock, so two nodes activating at once leave exactly one
     * active version (the later one) instead of a unique-index violation.
     */
    @Transactional
    public Offer offer(Compilation compilation, String trigger, String actor, boolean restoreSuperseded) {
        getEntityManager().createNativeQuery("SELECT 1 FROM (SELECT pg_advisory_xact_lock(:key)) l")
                .setParameter("key", ACTIVATION_LOCK).getSingleResult();
        Optional<RuleBookLoad> previous = active();
        if (previous.isPresent() && previous.get().version.equals(compilation.version())) {
            return Offer.ALREADY_ACTIVE;
        }
        if (!restoreSuperseded && wasActivated(compilation.version())) {
            persist(newLoad(compilation, trigger, actor, "SUPERSEDED"));
            audit.record(actor, "rules.superseded", "rule-book", compilation.version(), Map.of("trigger", trigger,
                    "activeVersion", previous.map(p -> p.version).orElse("")));
            return Offer.SUPERSEDED;
        }
        previous.ifPresent(p -> {
            p.active = false;
            flush(); // the partial unique index must see the old row inactive before the new one arrives
        });
        RuleBookLoad load = newLoad(compilation, trigger, actor, "ACTIVATED");
        load.active = true;
        persist(load);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("trigger", trigger);
        details.put("rules", compilation.rules().size());
        details.put("previousVersion", previous.map(p -> p.version).orElse(null));
        audit.record(actor, "rules.activated", "rule-book", compilation.version(), details);
        return Offer.ACTIVATED;
    }

    private boolean wasActivated(String version) {
        return count("version = ?1 and result = 'ACTIVATED'", version) > 0;
    }

    @Transactional
    public RuleBookLoad recordRejected(Compilation compilation, String trigger, String actor) {
        RuleBookLoad load = newLoad(compilation, trigger, actor, "REJECTED");
        persist(load);
        audit.record(actor, "rules.rejected", "rule-book", compilation.version(),
                Map.of("trigger", trigger, "errors", compilation.errors().size()));
        return load;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<RuleBookLoad> active() {
        return find("active", true).firstResultOptional();
    }

    /** The active version's hash only: cheap enough to poll. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<String> activeVersion() {
        return getEntityManager().createQuery("select l.version from RuleBookLoad l where l.active = true", String.class)
                .getResultStream().findFirst();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Map<String, String>> activeFiles(String version) {
        return find("active = true and version = ?1", version).firstResultOptional().map(l -> Map.copyOf(l.files));
    }

    /** The files of a version that was activated at some time (for backtests of earlier versions). */
    @Transactional
    public Optional<Map<String, String>> files(String version) {
        return find("result = 'ACTIVATED' and version = ?1 order by id desc", version).firstResultOptional()
                .map(l -> Map.copyOf(l.files));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<RuleBookVersionView> list(String cursor, int limit) {
        if (limit < 1 || limit > MAX_PAGE_SIZE) {
            throw ProblemException.invalidField("limit", "must be between 1 and " + MAX_PAGE_SIZE);
        }
        long before = cursor == null ? Long.MAX_VALUE : Cursor.decodeLong(cursor);
        List<RuleBookLoad> rows = find("id < ?1 order by id desc", before).range(0, limit).list();
        boolean more = rows.size() > limit;
        List<RuleBookVersionView> items = rows.stream().limit(limit).map(RuleBookVersionView::of).toList();
        return new Page<>(items, more ? Cursor.encode(items.get(items.size() - 1).id()) : null);
    }

    private RuleBookLoad newLoad(Compilation compilation, String trigger, String actor, String result) {
        RuleBookLoad load = new RuleBookLoad();
        load.version = compilation.version();
        load.trigger = trigger;
        load.loadedBy = actor;
        load.loadedAt = clock.instant();
        load.result = result;
        load.ruleCount = compilation.rules().size();
        load.files = new HashMap<>(compilation.files());
        load.diagnostics = compilation.diagnostics().stream().map(RuleBookHistory::asMap).toList();
        return load;
    }

    private static Map<String, Object> asMap(Diagnostic d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("severity", d.severity().name());
        m.put("file", d.file());
        m.put("line", d.line());
        m.put("column", d.column());
        m.put("code", d.code());
        m.put("message", d.message());
        return m;
    }
}
