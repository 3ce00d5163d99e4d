package io.cmeautopilot.tasks.teams;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * How a team deals a task for an account that has no owner. The account owner always comes first;
 * these only decide what happens when there is none.
 */
enum AssignmentStrategy {
    /** Nobody is picked: the task waits unassigned in the team's queue until someone claims it. */
    OWNER_ONLY,
    /** Members take turns in user-name order. */
    ROUND_ROBIN,
    /** The member with the least open work, open tasks weighted by priority (LOW 1, NORMAL 2, HIGH 4, URGENT 8). */
    LEAST_LOADED;

    String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static Optional<AssignmentStrategy> fromCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code().equals(code)).findFirst();
    }

    static String codes() {
        return Arrays.stream(values()).map(AssignmentStrategy::code).collect(Collectors.joining(", "));
    }
}
