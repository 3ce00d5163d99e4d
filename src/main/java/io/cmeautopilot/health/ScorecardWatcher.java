package io.cmeautopilot.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;

/**
 * Polls the scorecard file on every node, at the rule book's interval (node-local work, so the
 * in-memory scheduler). Debounced like the rule book: a change is loaded once the file looks the
 * same on two polls in a row.
 */
@ApplicationScoped
class ScorecardWatcher {

    private static final Logger LOG = Logger.getLogger(ScorecardWatcher.class);

    @Inject
    ScorecardService scorecards;

    private String lastSeen;

    @Scheduled(identity = "scorecard-watch", every = "${cme.rules.watch-interval:5s}",
            executeWith = Scheduled.SIMPLE, concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        try {
            String now = ScorecardService.fingerprint(scorecards.file());
            if (now.equals(lastSeen) && !now.equals(scorecards.loadedFingerprint())) {
                scorecards.reload("file-watch");
            }
            lastSeen = now;
        } catch (RuntimeException e) {
            LOG.warnf(e, "Watching the scorecard %s failed; retrying on the next poll", scorecards.file());
        }
    }
}
