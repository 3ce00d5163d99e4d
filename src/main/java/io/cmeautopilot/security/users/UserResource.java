package io.cmeautopilot.security.users;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.cmeautopilot.common.ProblemException;
import io.cmeautopilot.common.Roles;
import io.quarkus.security.identity.SecurityIdentity;

@Path("/api/users")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Security")
@RolesAllowed(Roles.ADMIN)
public class UserResource {

    @Inject
    UserService users;
    @Inject
    SecurityIdentity identity;

    @GET
    @Operation(summary = "List users, optionally of one team (admin)")
    public List<UserView> list(@QueryParam("team") String team) {
        return users.list(team);
    }

    @GET
    @Path("/{username}")
    @Operation(summary = "Read a user (admin)")
    public UserView get(@PathParam("username") String username) {
        return users.get(username).orElseThrow(() -> ProblemException.notFound("user", "'" + username + "'"));
    }

    @PUT
    @Path("/{username}")
    @Operation(summary = "Create or replace a user (admin); a new password ends the user's sessions")
    public Response upsert(@PathParam("username") String username, @Valid @NotNull UserRequest request) {
        UserService.Upserted result = users.upsert(username, request, identity.getPrincipal().getName());
        return (result.created() ? Response.created(URI.create("/api/users/" + username)) : Response.ok())
                .entity(result.user()).build();
    }

    @DELETE
    @Path("/{username}")
    @Operation(summary = "Delete a user with their API keys and sessions (admin)")
    public Response delete(@PathParam("username") String username) {
        if (!users.delete(username, identity.getPrincipal().getName())) {
            throw ProblemException.notFound("user", "'" + username + "'");
        }
        return Response.noContent().build();
    }
}
