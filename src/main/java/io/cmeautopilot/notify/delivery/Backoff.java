package io.cmeautopilot.notify.delivery;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * When to try again: the n-th delay of the schedule after the n-th failed attempt, stretched or
 * shrunk at random by up to the jitter fraction (so that messages that failed together do not all
 * come back together); nothing after the last one, which means dead letter.
 */
final class Backoff {

    private final List<Duration> schedule;
    private final double jitter;
    private final DoubleSupplier random;

    Backoff(List<Duration> schedule, double jitter, DoubleSupplier random) {
        if (jitter < 0 || jitter >= 1) {
            throw new IllegalArgumentException("cme.notify.jitter must be at least 0 and below 1, got " + jitter);
        }
        if (schedule.stream().anyMatch(d -> d.isNegative() || d.isZero())) {
            throw new IllegalArgumentException("cme.notify.retry-schedule must hold positive durations: " + schedule);
        }
        this.schedule = List.copyOf(schedule);
        this.jitter = jitter;
        this.random = random;
    }

    /** The delay after {@code failedAttempts} failures in a row, or empty when the schedule is used up. */
    Optional<Duration> delayAfter(int failedAttempts) {
        if (failedAttempts < 1 || failedAttempts > schedule.size()) {
            return Optional.empty();
        }
        Duration base = schedule.get(failedAttempts - 1);
        double factor = 1 + jitter * (2 * random.getAsDouble() - 1);
        return Optional.of(Duration.ofMillis(Math.max(1, Math.round(base.toMillis() * factor))));
    }

    /** Attempts a message gets in one cycle: the first one plus one per delay. */
    int maxAttempts() {
        return schedule.size() + 1;
    }

    /** The time from the first to the last attempt without jitter. */
    Duration span() {
        return schedule.stream().reduce(Duration.ZERO, Duration::plus);
    }
}
