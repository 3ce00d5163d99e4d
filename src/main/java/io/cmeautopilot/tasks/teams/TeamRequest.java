package io.cmeautopilot.tasks.teams;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Size;

/**
 * A team's settings. {@code strategy}: {@code owner-only} (default), {@code round-robin} or
 * {@code least-loaded}; {@code lead}: the user name told of escalations; {@code email}: the team's address.
 */
public record TeamRequest(@Size(max = 200) String lead, @Email @Size(max = 320) String email,
        @Size(max = 50) String strategy) {
}
