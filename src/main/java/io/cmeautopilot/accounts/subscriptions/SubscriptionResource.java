package io.cmeautopilot.accounts.subscriptions;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.cmeautopilot.common.Caller;
import io.cmeautopilot.common.ProblemException;
import io.cmeautopilot.common.Roles;
import io.quarkus.security.identity.SecurityIdentity;

@Path("/api/accounts/{accountId}/subscriptions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Subscriptions")
public class SubscriptionResource {

    @Inject
    SubscriptionService service;
    @Inject
    SecurityIdentity identity;

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.OPS, Roles.CME, Roles.INTEGRATION })
    @Operation(summary = "List an account's subscriptions")
    public List<SubscriptionView> list(@PathParam("accountId") long accountId) {
        return service.list(accountId, Caller.of(identity));
    }

    @GET
    @Path("/{externalId}")
    @RolesAllowed({ Roles.ADMIN, Roles.OPS, Roles.CME, Roles.INTEGRATION })
    @Operation(summary = "Read one subscription by its external id")
    public SubscriptionView get(@PathParam("accountId") long accountId, @PathParam("externalId") String externalId) {
        return service.get(accountId, externalId, Caller.of(identity))
                .orElseThrow(() -> ProblemException.notFound("subscription", "'" + externalId + "'"));
    }

    @PUT
    @Path("/{externalId}")
    @RolesAllowed({ Roles.ADMIN, Roles.OPS, Roles.INTEGRATION })
    @Operation(summary = "Create or replace a subscription (idempotent)")
    public Response upsert(@PathParam("accountId") long accountId,
            @PathParam("externalId") @Size(max = 200) String externalId,
            @Valid @NotNull SubscriptionRequest request) {
        SubscriptionService.Upserted result = service.upsert(accountId, externalId, request, Caller.of(identity));
        return (result.created()
                ? Response.created(URI.create("/api/accounts/" + accountId + "/subscriptions/" + externalId))
                : Response.ok()).entity(result.subscription()).build();
    }

    @DELETE
    @Path("/{externalId}")
    @RolesAllowed({ Roles.ADMIN, Roles.OPS, Roles.INTEGRATION })
    @Operation(summary = "Delete a subscription")
    public Response delete(@PathParam("accountId") long accountId, @PathParam("externalId") String externalId) {
        if (!service.delete(accountId, externalId, Caller.of(identity))) {
            throw ProblemException.notFound("subscription", "'" + externalId + "'");
        }
        return Response.noContent().build();
    }
}
