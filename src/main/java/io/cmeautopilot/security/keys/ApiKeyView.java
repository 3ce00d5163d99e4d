package io.cmeautopilot.security.keys;

import java.time.Instant;
import java.util.List;

/** A key as listed: never the key itself, only its first characters to recognise it. */
public record ApiKeyView(long id, String name, String prefix, String owner, List<String> roles, Instant expiresAt,
        Instant lastUsedAt, Instant revokedAt, String revokedBy, String createdBy, Instant createdAt) {

    static ApiKeyView of(ApiKey k) {
        return new ApiKeyView(k.id, k.name, k.keyPrefix, k.owner, List.of(k.roles), k.expiresAt, k.lastUsedAt,
                k.revokedAt, k.revokedBy, k.createdBy, k.createdAt);
    }

    /** The answer to a creation: the only time {@code key} is ever shown. */
    public record Created(String key, ApiKeyView apiKey) {
    }
}
