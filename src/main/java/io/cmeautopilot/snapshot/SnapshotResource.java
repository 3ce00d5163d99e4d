package io.cmeautopilot.snapshot;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.cmeautopilot.accounts.AccountLookup;
import io.cmeautopilot.common.Caller;
import io.cmeautopilot.common.ProblemException;
import io.cmeautopilot.common.Roles;
import io.quarkus.security.identity.SecurityIdentity;

@Path("/api/accounts/{id}/snapshot")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Accounts")
public class SnapshotResource {

    @Inject
    SnapshotService service;
    @Inject
    Clock clock;
    @Inject
    AccountLookup accounts;
    @Inject
    SecurityIdentity identity;

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.OPS, Roles.CME })
    @Operation(summary = "The facts the rules see for this account as of an instant (default: now)")
    public AccountSnapshot snapshot(@PathParam("id") long id, @QueryParam("asOf") String asOf) {
        if (!accounts.visible(id, Caller.of(identity))) {
            throw ProblemException.notFound("account", id);
        }
        return service.snapshot(id, parseAsOf(asOf)).orElseThrow(() -> ProblemException.notFound("account", id));
    }

    private Instant parseAsOf(String asOf) {
        if (asOf == null || asOf.isBlank()) {
            return clock.instant();
        }
        try {
            return Instant.parse(asOf);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalidField("asOf", "must be an ISO-8601 instant, e.g. 2026-11-02T00:00:00Z");
        }
    }
}
