package io.cmeautopilot.security.users;

import java.util.Set;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A user as an admin sends it. {@code password} is optional (a user may work with API keys only);
 * when given it must be at least 12 characters. It is never returned.
 */
public record UserRequest(@Size(max = 200) String displayName, @Email @Size(max = 300) String email,
        @Size(max = 200) String team, @NotNull Set<String> roles, @Size(min = 12, max = 200) String password,
        Boolean disabled) {
}
