package io.cmeautopilot.notify.messages;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Size;

/** Where to send a test notification: a registered endpoint by name, or an e-mail address (exactly one). */
public record TestRequest(@Size(max = 64) String endpoint, @Email @Size(max = 300) String email) {
}
