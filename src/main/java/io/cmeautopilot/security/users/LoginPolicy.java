package io.cmeautopilot.security.users;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Brute-force resistance: after a few failures an account is locked, for longer each time. */
@ConfigMapping(prefix = "cme.security.login")
public interface LoginPolicy {

    /** Failures in a row before the first lock. */
    @WithDefault("5")
    int maxFailures();

    /** First lock; each further failure doubles it. */
    @WithDefault("PT1M")
    Duration firstLock();

    @WithDefault("PT1H")
    Duration longestLock();

    default Duration lockAfter(int failures) {
        int doublings = Math.min(failures - maxFailures(), 20);
        Duration lock = firstLock().multipliedBy(1L << Math.max(0, doublings));
        return lock.compareTo(longestLock()) > 0 ? longestLock() : lock;
    }
}
