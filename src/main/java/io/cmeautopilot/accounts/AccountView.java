package io.cmeautopilot.accounts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import jakarta.ws.rs.core.EntityTag;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.cmeautopilot.rules.api.Stage;

/** An account as the API returns it; attributes always in the explicit typed form. */
public record AccountView(long id, String externalId, String name, String segment, String tier, String owner,
        String team, Stage stage, LocalDate signupDate, LocalDate goLiveDate, Map<String, ObjectNode> attributes,
        long version, Instant createdAt, Instant updatedAt) {

    static AccountView of(Account a) {
        return new AccountView(a.id, a.externalId, a.name, a.segment, a.tier, a.owner, a.team, a.stage,
                a.signupDate, a.goLiveDate, AttributeCodec.toJson(a.attributes), a.version, a.createdAt, a.updatedAt);
    }

    /** The entity tag of this version, for {@code ETag} / {@code If-Match}. */
    public EntityTag entityTag() {
        return new EntityTag(Long.toString(version));
    }
}
