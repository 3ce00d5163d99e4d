package io.cmeautopilot.health;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.cmeautopilot.health.scorecard.Scorecard;
import io.quarkus.scheduler.Scheduled;

/**
 * The daily scoring pass. Every node looks every {@code cme.health.scoring-interval}; the one that
 * gets the advisory lock runs the pass unless today's (UTC) pass with the active scorecard is
 * already done. So every account is scored once a day, again the same day when the scorecard
 * changes, and a pass missed while the service was down runs at the next look.
 */
@ApplicationScoped
class HealthScoringJob {

    private static final Logger LOG = Logger.getLogger(HealthScoringJob.class);

    @Inject
    HealthScoring scoring;
    @Inject
    ScorecardService scorecards;
    @Inject
    ScoringPasses passes;
    @Inject
    Clock clock;

    @Scheduled(identity = "health-scoring", every = "${cme.health.scoring-interval:10m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        try {
            runIfDue();
        } catch (RuntimeException e) {
            LOG.errorf(e, "The health scoring pass failed; it is tried again at the next look");
        }
    }

    /** One look: the pass's outcome when this node ran it, empty when it was not due or another node has it. */
    Optional<HealthScoring.Outcome> runIfDue() {
        Optional<Scorecard> scorecard = scorecards.active();
        if (scorecard.isEmpty()) {
            return Optional.empty();
        }
        return passes.underLock(() -> {
            LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
            if (passes.finished(today, scorecard.get().version())) {
                return null;
            }
            return scoring.scoreAll("schedule").orElse(null);
        });
    }
}
