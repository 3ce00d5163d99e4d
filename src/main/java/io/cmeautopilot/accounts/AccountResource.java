package io.cmeautopilot.accounts;

import java.net.URI;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.JsonNode;

import io.cmeautopilot.common.Caller;
import io.cmeautopilot.common.Page;
import io.cmeautopilot.common.ProblemException;
import io.cmeautopilot.common.Roles;
import io.cmeautopilot.rules.api.Stage;
import io.quarkus.security.identity.SecurityIdentity;

@Path("/api/accounts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Accounts")
public class AccountResource {

    static final String MERGE_PATCH = "application/merge-patch+json";

    @Inject
    AccountService service;
    @Inject
    SecurityIdentity identity;

    @POST
    @RolesAllowed({ Roles.ADMIN, Roles.OPS, Roles.INTEGRATION })
    @Operation(summary = "Create an account (409 when the external id exists: use PUT to upsert)")
    public Response create(@NotNull AccountRequest request) {
        AccountView created = service.create(request);
        return Response.created(URI.create("/api/accounts/" + created.id())).tag(created.entityTag())
                .entity(created).build();
    }

    @PUT
    @Path("/by-external-id/{externalId}")
    @RolesAllowed({ Roles.ADMIN, Roles.OPS, Roles.INTEGRATION })
    @Operation(summary = "Create or replace the account with this external id (idempotent)")
    public Response upsert(@PathParam("externalId") String externalId, @NotNull AccountRequest request,
            @HeaderParam("If-Match") String ifMatch) {
        AccountService.Upserted result = service.upsert(externalId, request, ifMatch);
        Response.ResponseBuilder answer = result.created()
                ? Response.created(URI.create("/api/accounts/" + result.account().id()))
                : Response.ok();
        return answer.tag(result.account().entityTag()).entity(result.account()).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.ADMIN, Roles.OPS, Roles.CME, Roles.INTEGRATION })
    @Operation(summary = "Read an account (a CME: only accounts of their own or their team's book)")
    public Response get(@PathParam("id") long id) {
        AccountView account = service.get(id, Caller.of(identity)).orElseThrow(() -> ProblemException.notFound("account", id));
        return Response.ok(account).tag(account.entityTag()).build();
    }

    @GET
    @Path("/by-external-id/{externalId}")
    @RolesAllowed({ Roles.ADMIN, Roles.OPS, Roles.CME, Roles.INTEGRATION })
    @Operation(summary = "Read an account by the client's external id")
    public Response getByExternalId(@PathParam("externalId") String externalId) {
        AccountView account = service.getByExternalId(externalId, Caller.of(identity))
                .orElseThrow(() -> ProblemException.notFound("account with externalId", "'" + externalId + "'"));
        return Response.ok(account).tag(account.entityTag()).build();
    }

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.OPS, Roles.CME, Roles.INTEGRATION })
    @Operation(summary = "List accounts, filtered, by id, with a cursor for the next page")
    public Page<AccountView> list(@QueryParam("segment") String segment, @QueryParam("tier") String tier,
            @QueryParam("owner") String owner, @QueryParam("team") String team, @QueryParam("stage") Stage stage,
            @QueryParam("q") String nameContains, @QueryParam("cursor") String cursor,
            @QueryParam("limit") @DefaultValue("50") int limit) {
        return service.list(new AccountFilter(segment, tier, owner, team, stage, nameContains), Caller.of(identity),
                cursor, limit);
    }

    @PATCH
    @Path("/{id}")
    @RolesAllowed({ Roles.ADMIN, Roles.OPS, Roles.CME, Roles.INTEGRATION })
    @Consumes({ MERGE_PATCH, MediaType.APPLICATION_JSON })
    @Operation(summary = "Change some fields (RFC 7396 merge patch; null removes an attribute)")
    public Response patch(@PathParam("id") long id, JsonNode patch, @HeaderParam("If-Match") String ifMatch) {
        AccountView account = service.patch(id, patch, ifMatch, Caller.of(identity));
        return Response.ok(account).tag(account.entityTag()).build();
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Delete an account with its subscriptions and signals")
    public Response delete(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch) {
        if (!service.delete(id, ifMatch)) {
            throw ProblemException.notFound("account", id);
        }
        return Response.noContent().build();
    }
}
