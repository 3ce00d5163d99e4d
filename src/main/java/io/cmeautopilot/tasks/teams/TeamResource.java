package io.cmeautopilot.tasks.teams;

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
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.cmeautopilot.common.Caller;
import io.cmeautopilot.common.ProblemException;
import io.cmeautopilot.common.Roles;
import io.quarkus.security.identity.SecurityIdentity;

/** Team settings: lead, address and how tasks without an account owner are dealt. */
@Path("/api/teams")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Tasks")
public class TeamResource {

    @Inject
    TeamService teams;
    @Inject
    SecurityIdentity identity;

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.OPS })
    @Operation(summary = "Every team's settings and members, by name")
    public List<TeamView> list() {
        return teams.list();
    }

    @GET
    @Path("/{name}")
    @RolesAllowed({ Roles.ADMIN, Roles.OPS, Roles.CME })
    @Operation(summary = "A team's settings and members (a CME: their own team only)")
    public Response get(@PathParam("name") String name) {
        TeamView team = teams.get(name, Caller.of(identity)).orElseThrow(() -> notFound(name));
        return Response.ok(team).tag(tag(team)).build();
    }

    @PUT
    @Path("/{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ADMIN, Roles.OPS })
    @Operation(summary = "Create or replace a team's settings (201 created, 200 replaced; If-Match honoured)")
    public Response upsert(@PathParam("name") @Size(min = 1, max = 200) String name,
            @Valid @NotNull TeamRequest request, @HeaderParam("If-Match") String ifMatch) {
        TeamService.Upserted result = teams.upsert(name, request, ifMatch);
        return (result.created() ? Response.created(URI.create("/api/teams/" + name)) : Response.ok())
                .tag(tag(result.team())).entity(result.team()).build();
    }

    @DELETE
    @Path("/{name}")
    @RolesAllowed({ Roles.ADMIN, Roles.OPS })
    @Operation(summary = "Remove a team's settings: its tasks stay, new ones without an owner wait in its queue")
    public Response delete(@PathParam("name") String name, @HeaderParam("If-Match") String ifMatch) {
        if (!teams.delete(name, ifMatch)) {
            throw notFound(name);
        }
        return Response.noContent().build();
    }

    private static ProblemException notFound(String name) {
        return ProblemException.notFound("team", "'" + name + "'");
    }

    private static EntityTag tag(TeamView team) {
        return new EntityTag(Long.toString(team.version()));
    }
}
