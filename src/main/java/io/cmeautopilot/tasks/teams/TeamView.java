package io.cmeautopilot.tasks.teams;

import java.time.Instant;
import java.util.List;

/** A team as the API shows it, with the members tasks are dealt to (enabled users with the cme role). */
public record TeamView(String name, String lead, String email, String strategy, List<String> members, long version,
        Instant createdAt, Instant updatedAt) {
}
