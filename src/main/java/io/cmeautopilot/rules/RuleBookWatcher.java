package io.cmeautopilot.rules;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;

/**
 * Polls the rules directory on every node (node-local work, so the in-memory scheduler, not
 * Quartz). Debounced: a change is loaded once the files look the same on two polls in a row, so an
 * editor or a git checkout writing many files produces one reload, not one per file.
 */
@ApplicationScoped
class RuleBookWatcher {

    private static final Logger LOG = Logger.getLogger(RuleBookWatcher.class);

    @Inject
    RuleBookService service;

    private String lastSeen;

    @Scheduled(identity = "rule-book-watch", every = "${cme.rules.watch-interval:5s}",
            executeWith = Scheduled.SIMPLE, concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        try {
            String now = RuleFiles.fingerprint(service.dir());
            if (now.equals(lastSeen) && !now.equals(service.loadedFingerprint())) {
                service.reload(RuleBookService.FILE_WATCH, "system:file-watch");
            }
            lastSeen = now;
            service.converge();
        } catch (RuntimeException e) {
            LOG.warnf(e, "Watching the rule book in %s failed; retrying on the next poll", service.dir());
        }
    }
}
