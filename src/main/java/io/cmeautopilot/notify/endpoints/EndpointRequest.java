package io.cmeautopilot.notify.endpoints;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A new endpoint. {@code eventTypes}: exact types ({@code task.escalated}) or prefixes
 * ({@code task.*}); empty or absent means every event type.
 */
public record EndpointRequest(
        @NotBlank @Pattern(regexp = NAME, message = "must be lower-case letters, digits, '-' or '_' (at most 64)") String name,
        @NotNull EndpointKind kind,
        @NotBlank @Size(max = 2000) String url,
        @Size(max = 500) String description,
        @Size(max = 100) List<@NotNull @Pattern(regexp = EVENT_TYPE, message = EVENT_TYPE_MESSAGE) String> eventTypes) {

    static final String NAME = "[a-z0-9][a-z0-9_-]{0,63}";
    static final String EVENT_TYPE = "[a-z0-9][a-z0-9_.-]{0,99}|[a-z0-9][a-z0-9_.-]{0,97}\\.\\*";
    static final String EVENT_TYPE_MESSAGE = "must be an event type (task.escalated) or a prefix ending in .* (task.*)";
}
