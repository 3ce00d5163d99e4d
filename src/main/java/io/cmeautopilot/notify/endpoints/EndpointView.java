package io.cmeautopilot.notify.endpoints;

import java.time.Instant;
import java.util.List;

/**
 * An endpoint as the API shows it: never its secret, and for Slack only the host of its URL (the
 * URL itself is Slack's credential).
 */
public record EndpointView(String name, EndpointKind kind, String url, String description, List<String> eventTypes,
        EndpointState state, String stateReason, Instant stateChangedAt, boolean signed,
        Instant previousSecretValidUntil, long version, String createdBy, Instant createdAt, Instant updatedAt) {

    static EndpointView of(Endpoint e, Instant now) {
        Instant previousUntil = e.previousSecretExpiresAt != null && e.previousSecretExpiresAt.isAfter(now)
                ? e.previousSecretExpiresAt : null;
        return new EndpointView(e.name, e.kind, EndpointTarget.shown(e.kind, e.url), e.description, List.of(e.eventTypes),
                e.state, e.stateReason, e.stateChangedAt, e.secret != null, previousUntil, e.version, e.createdBy,
                e.createdAt, e.updatedAt);
    }

    /** The answer to creating an endpoint or rotating its secret: the only time the secret is shown. */
    public record WithSecret(EndpointView endpoint, String secret) {
    }
}
