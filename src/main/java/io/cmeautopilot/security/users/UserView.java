package io.cmeautopilot.security.users;

import java.time.Instant;
import java.util.List;

public record UserView(long id, String username, String displayName, String email, String team, List<String> roles,
        boolean hasPassword, boolean disabled, boolean locked, long version, Instant createdAt, Instant updatedAt) {

    static UserView of(User u, Instant now) {
        return new UserView(u.id, u.username, u.displayName, u.email, u.team, List.of(u.roles), u.passwordHash != null,
                u.disabled, u.lockedUntil != null && u.lockedUntil.isAfter(now), u.version, u.createdAt, u.updatedAt);
    }
}
