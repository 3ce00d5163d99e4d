package io.cmeautopilot.accounts;

import java.time.LocalDate;
import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.databind.JsonNode;

import io.cmeautopilot.rules.api.Stage;

/**
 * An account as clients send it. {@code stage} defaults to ONBOARDING. Attributes are plain JSON
 * scalars or {@code {"type": ..., "value": ...}} objects (see {@link AttributeCodec}).
 */
public record AccountRequest(
        @NotBlank @Size(max = 200) String externalId,
        @NotBlank @Size(max = 300) String name,
        @Size(max = 100) String segment,
        @Size(max = 100) String tier,
        @Size(max = 200) String owner,
        @Size(max = 200) String team,
        Stage stage,
        LocalDate signupDate,
        LocalDate goLiveDate,
        @Size(max = 200) Map<String, JsonNode> attributes) {

    /** The same request for this external id (an upsert takes it from the path). */
    AccountRequest withExternalId(String id) {
        return new AccountRequest(id, name, segment, tier, owner, team, stage, signupDate, goLiveDate, attributes);
    }
}
