package io.cmeautopilot.rules;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.cmeautopilot.rules.RuleBookHistory.Offer;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;

/**
 * Loads the rule book from disk, records every attempt, and swaps the active book only when the new
 * one compiled without errors. Reloads are serialized on this node; the database keeps one active
 * version for the cluster, and {@link #converge()} makes every node follow it.
 */
@ApplicationScoped
public class RuleBookService {

    private static final Logger LOG = Logger.getLogger(RuleBookService.class);

    static final String STARTUP = "startup";
    static final String FILE_WATCH = "file-watch";
    /** The trigger of {@code POST /api/rules/reload}: a person asking for the files on disk, whatever the cluster runs. */
    public static final String EXPLICIT = "api";

    @Inject
    RulesConfig config;
    @Inject
    Clock clock;
    @Inject
    RuleBookHolder holder;
    @Inject
    RuleBookHistory history;
    @Inject
    MeterRegistry metrics;
    @Inject
    RuleBookChecks checks;

    private final ReentrantLock reloading = new ReentrantLock();
    private RuleBookCompiler compiler;
    private volatile String loadedFingerprint;
    /** The version of the files on disk as of the last load from disk, whatever became of it; guarded by {@code reloading}. */
    private String diskVersion;

    @PostConstruct
    void init() {
        compiler = new RuleBookCompiler(clock);
    }

    void loadAtStartup(@Observes StartupEvent event) {
        ReloadOutcome outcome = reload(STARTUP, "system");
        if (outcome.rejected()) {
            converge(); // run the cluster's version rather than nothing until the files are fixed
            LOG.errorf("The rule book in %s does not compile; %s", dir().toAbsolutePath(), active()
                    .map(b -> "following the cluster's active version " + b.shortVersion() + " until it is fixed")
                    .orElse("no rules are active until it is fixed"));
        }
    }

    public Path dir() {
        return Path.of(config.dir());
    }

    public Optional<RuleBook> active() {
        return holder.current();
    }

    /**
     * Compiles the rule files on disk and activates them if they compile; never replaces a working
     * book with a broken one. The database stays the source of truth for versions the cluster has
     * moved past: at start-up, files that were active once and replaced since are stale (a node
     * restarted from an old deployment) and the node follows the active version instead; a file
     * watch acts only when the content changed (an edit, a revert, a deployment), not when a tool
     * merely rewrote the same files; an explicit reload ({@link #EXPLICIT}) always offers the files.
     */
    public ReloadOutcome reload(String trigger, String actor) {
        reloading.lock();
        try {
            loadedFingerprint = RuleFiles.fingerprint(dir());
            Compilation compilation = checks.apply(compiler.compile(RuleFiles.drl(dir())));
            String activeVersion = holder.current().map(RuleBook::version).orElse(null);
            boolean contentChanged = !compilation.version().equals(diskVersion);
            diskVersion = compilation.version();
            if (FILE_WATCH.equals(trigger) && !contentChanged) {
                count("unchanged");
                return new ReloadOutcome("UNCHANGED", compilation.version(), activeVersion, compilation.rules().size(),
                        compilation.diagnostics());
            }
            if (!compilation.succeeded()) {
                history.recordRejected(compilation, trigger, actor);
                count("rejected");
                metrics.counter("cme.rules.reload.failures").increment();
                LOG.errorf("Rule book %s from %s rejected (%s by %s), %s stays active:%n  %s",
                        compilation.version().substring(0, 12), dir(), trigger, actor, activeVersion,
                        String.join("\n  ", compilation.errors().stream().map(Diagnostic::toString).toList()));
                return new ReloadOutcome("REJECTED", compilation.version(), activeVersion, compilation.rules().size(),
                        compilation.diagnostics());
            }
            RuleBook book = compilation.book().orElseThrow();
            if (history.offer(compilation, trigger, actor, !STARTUP.equals(trigger)) == Offer.SUPERSEDED) {
                count("superseded");
                LOG.warnf("Rule book %s in %s was active before and has been replaced in the cluster since: stale files, "
                        + "not activated (%s by %s). This node follows the cluster's active version; POST /api/rules/reload "
                        + "brings the files back.",
                        book.shortVersion(), dir(), trigger, actor);
                converge();
                return new ReloadOutcome("SUPERSEDED", book.version(), holder.current().map(RuleBook::version).orElse(null),
                        book.rules().size(), compilation.diagnostics());
            }
            if (book.version().equals(activeVersion)) {
                count("unchanged");
                return new ReloadOutcome("UNCHANGED", book.version(), book.version(), book.rules().size(), compilation.diagnostics());
            }
            holder.activate(book);
            count("activated");
            LOG.infof("Rule book %s activated (%d rules, %s by %s)", book.shortVersion(), book.rules().size(), trigger, actor);
            return new ReloadOutcome("ACTIVATED", book.version(), book.version(), book.rules().size(), compilation.diagnostics());
        } finally {
            reloading.unlock();
        }
    }

    /**
     * Follows the version another node activated: when the database's active version is not ours,
     * compile its stored files and use them. All nodes thus converge on the last activated version.
     */
    public void converge() {
        Optional<String> wanted = history.activeVersion();
        String ours = holder.current().map(RuleBook::version).orElse(null);
        if (wanted.isEmpty() || wanted.get().equals(ours) || !reloading.tryLock()) {
            return;
        }
        try {
            Optional<Map<String, String>> files = history.activeFiles(wanted.get());
            if (files.isEmpty()) {
                return;
            }
            // Not checked again (RuleBookCheck): the node that activated it did, and refusing it here would split the cluster.
            Compilation compilation = compiler.compile(files.get());
            if (compilation.succeeded() && Objects.equals(compilation.version(), wanted.get())) {
                holder.activate(compilation.book().orElseThrow());
                count("converged");
                LOG.infof("Rule book %s activated, following the cluster", wanted.get().substring(0, 12));
            }
        } finally {
            reloading.unlock();
        }
    }

    /** Every load attempt, newest first (the version history), paged. */
    public io.cmeautopilot.common.Page<RuleBookVersionView> versions(String cursor, int limit) {
        return history.list(cursor, limit);
    }

    /** The DRL files one load attempt compiled (activated, rejected or superseded alike), by its id. */
    @jakarta.transaction.Transactional(jakarta.transaction.Transactional.TxType.SUPPORTS)
    public Optional<Map<String, String>> filesOfLoad(long loadId) {
        return history.findByIdOptional(loadId).map(load -> Map.copyOf(load.files));
    }

    /** The fingerprint of the files as of the last load from disk (see {@link RuleFiles#fingerprint}). */
    String loadedFingerprint() {
        return loadedFingerprint;
    }

    /** Compiles and checks the given files (as a reload would) and reports; activates nothing. */
    public Compilation validate(Map<String, String> files) {
        return checks.apply(compiler.compile(files));
    }

    /** The DRL files of a version that was activated at some time, from the history. */
    public Optional<Map<String, String>> filesOf(String version) {
        return history.files(version);
    }

    /**
     * Compiles files into a rule book without activating it (backtests); a book with errors is
     * rejected with its diagnostics (422).
     */
    public RuleBook compileDetached(Map<String, String> files) {
        Compilation compilation = compiler.compile(files);
        return compilation.book().orElseThrow(() -> new RuleBookRejectedException(
                compilation.errors().size() + " error(s) in the rule book", compilation.diagnostics()));
    }

    private void count(String result) {
        metrics.counter("cme.rules.reloads", "result", result).increment();
    }
}
