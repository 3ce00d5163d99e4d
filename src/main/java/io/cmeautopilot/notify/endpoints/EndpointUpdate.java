package io.cmeautopilot.notify.endpoints;

import java.util.List;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A change to an endpoint: absent fields stay as they are. Name and kind never change. */
public record EndpointUpdate(
        @Size(min = 1, max = 2000) String url,
        @Size(max = 500) String description,
        @Size(max = 100) List<@NotNull @Pattern(regexp = EndpointRequest.EVENT_TYPE,
                message = EndpointRequest.EVENT_TYPE_MESSAGE) String> eventTypes) {
}
