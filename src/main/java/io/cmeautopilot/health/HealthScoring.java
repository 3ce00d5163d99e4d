package io.cmeautopilot.health;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.cmeautopilot.common.ProblemException;
import io.cmeautopilot.health.scorecard.Scorecard;
import io.cmeautopilot.rules.api.AccountFact;
import io.cmeautopilot.snapshot.SnapshotService;

/**
 * Scores accounts now, with the active scorecard, from the same facts the rules see (the snapshot),
 * and stores the result for today's UTC day: every account in a pass, or some accounts (those with
 * new signals, or on request).
 */
@ApplicationScoped
public class HealthScoring {

    private static final Logger LOG = Logger.getLogger(HealthScoring.class);

    @Inject
    ScorecardService scorecards;
    @Inject
    SnapshotService snapshots;
    @Inject
    HealthScoreWriter writer;
    @Inject
    ScoringPasses passes;
    @Inject
    Clock clock;

    /** What a scoring of many accounts did. */
    public record Outcome(String scorecardVersion, LocalDate day, int scored, int unscored) {
    }

    static final int MAX_IDS = 10_000;

    /** A scoring asked for over the API: some accounts, or all of them (409 while another node runs a pass). */
    public Outcome onRequest(ScoringRequest request) {
        boolean all = Boolean.TRUE.equals(request.all());
        boolean some = request.accountIds() != null && !request.accountIds().isEmpty();
        if (all == some) {
            throw ProblemException.invalidField("all", "give either all: true or a non-empty accountIds list");
        }
        if (some && (request.accountIds().size() > MAX_IDS || request.accountIds().contains(null))) {
            throw ProblemException.invalidField("accountIds", "up to " + MAX_IDS + " ids, none null; use all: true for more");
        }
        if (scorecards.active().isEmpty()) {
            throw ProblemException.conflict("no valid scorecard is loaded: nothing can be scored (see the service log)");
        }
        if (some) {
            return scoreAccounts(request.accountIds()).orElseThrow();
        }
        return passes.underLock(() -> scoreAll("api").orElseThrow()).orElseThrow(() ->
                ProblemException.conflict("a scoring pass over all accounts is running on another node; try again later"));
    }

    /**
     * Scores these accounts now (unknown ids are skipped). Without a valid scorecard nothing is
     * scored and the answer is empty.
     */
    public Optional<Outcome> scoreAccounts(Collection<Long> accountIds) {
        Optional<Scorecard> scorecard = scorecards.active();
        if (scorecard.isEmpty() || accountIds.isEmpty()) {
            return Optional.empty();
        }
        Instant asOf = clock.instant();
        List<HealthScore> scores = snapshots.facts(accountIds, asOf).stream()
                .map(f -> HealthScorer.score(scorecard.get(), f)).toList();
        writer.write(scores, asOf, scorecard.get().version());
        long unscored = scores.stream().filter(s -> s.score() == null).count();
        return Optional.of(new Outcome(scorecard.get().version(), day(asOf), scores.size() - (int) unscored, (int) unscored));
    }

    /**
     * Scores every account now, chunk by chunk (memory stays flat), and records the pass. Callers
     * hold the cluster-wide pass lock ({@link ScoringPasses#underLock}).
     */
    Optional<Outcome> scoreAll(String trigger) {
        Optional<Scorecard> active = scorecards.active();
        if (active.isEmpty()) {
            return Optional.empty();
        }
        Scorecard scorecard = active.get();
        Instant asOf = clock.instant();
        long pass = passes.start(day(asOf), scorecard.version(), trigger, clock.instant());
        AtomicInteger scored = new AtomicInteger();
        AtomicInteger unscored = new AtomicInteger();
        snapshots.forEachChunk(asOf, chunk -> {
            List<HealthScore> scores = chunk.stream().map((AccountFact f) -> HealthScorer.score(scorecard, f)).toList();
            writer.write(scores, asOf, scorecard.version());
            scores.forEach(s -> (s.score() == null ? unscored : scored).incrementAndGet());
        });
        passes.finish(pass, scored.get(), unscored.get(), clock.instant());
        LOG.infof("Health scoring pass (%s, scorecard %s): %d account(s) scored, %d without enough data",
                trigger, scorecard.shortVersion(), scored.get(), unscored.get());
        return Optional.of(new Outcome(scorecard.version(), day(asOf), scored.get(), unscored.get()));
    }

    private static LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }
}
