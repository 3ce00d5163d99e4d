package io.cmeautopilot.security.keys;

import java.time.Instant;
import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

/** A key to create: for a user ({@code owner}) or a machine (no owner), with roles and an optional expiry. */
public record ApiKeyRequest(@NotBlank @Size(max = 200) String name, @Size(max = 200) String owner,
        @NotEmpty Set<String> roles, Instant expiresAt) {
}
