package io.cmeautopilot.notify.messages;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Replays every dead letter for one recipient (an endpoint name, user, team or address), e.g. after fixing it. */
public record ReplayRequest(@NotBlank @Size(max = 300) String recipient) {
}
