package io.cmeautopilot.security.keys;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.cmeautopilot.common.Roles;
import io.quarkus.security.identity.SecurityIdentity;

@Path("/api/keys")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Security")
@RolesAllowed(Roles.ADMIN)
public class ApiKeyResource {

    @Inject
    ApiKeyService keys;
    @Inject
    SecurityIdentity identity;

    @POST
    @Operation(summary = "Create an API key; the key is in this answer and never again (admin)")
    public Response create(@Valid @NotNull ApiKeyRequest request) {
        ApiKeyView.Created created = keys.create(request, identity.getPrincipal().getName());
        return Response.created(URI.create("/api/keys/" + created.apiKey().id())).entity(created).build();
    }

    @GET
    @Operation(summary = "List API keys, optionally of one owner (admin)")
    public List<ApiKeyView> list(@QueryParam("owner") String owner) {
        return keys.list(owner);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Revoke an API key at once (admin); revoking twice is harmless")
    public ApiKeyView revoke(@PathParam("id") long id) {
        return keys.revoke(id, identity.getPrincipal().getName());
    }
}
