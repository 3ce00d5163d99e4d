package io.cmeautopilot.notify.endpoints;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.cmeautopilot.common.ProblemException;
import io.cmeautopilot.common.Roles;
import io.quarkus.security.identity.SecurityIdentity;

/** Webhook and Slack endpoints: admins register and change them; ops may also read, pause and resume. */
@Path("/api/notify/endpoints")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Notifications")
public class EndpointResource {

    @Inject
    EndpointService endpoints;
    @Inject
    SecurityIdentity identity;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Register an endpoint; the answer holds its signing secret, shown this once")
    public Response create(@Valid @NotNull EndpointRequest request) {
        EndpointView.WithSecret created = endpoints.create(request, actor());
        return Response.created(URI.create("/api/notify/endpoints/" + created.endpoint().name()))
                .tag(tag(created.endpoint())).entity(created).build();
    }

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.OPS })
    @Operation(summary = "Every endpoint, by name (never a secret)")
    public List<EndpointView> list() {
        return endpoints.list();
    }

    @GET
    @Path("/{name}")
    @RolesAllowed({ Roles.ADMIN, Roles.OPS })
    @Operation(summary = "One endpoint; ETag carries its version")
    public Response get(@PathParam("name") String name) {
        EndpointView view = endpoints.get(name).orElseThrow(() -> ProblemException.notFound("endpoint", name));
        return Response.ok(view).tag(tag(view)).build();
    }

    @PATCH
    @Path("/{name}")
    @Consumes({ MediaType.APPLICATION_JSON, "application/merge-patch+json" })
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Change URL, description or event types (absent fields stay); If-Match honoured")
    public Response update(@PathParam("name") String name, @Valid @NotNull EndpointUpdate update,
            @HeaderParam("If-Match") String ifMatch) {
        EndpointView view = endpoints.update(name, update, ifMatch, actor());
        return Response.ok(view).tag(tag(view)).build();
    }

    @DELETE
    @Path("/{name}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Remove an endpoint; messages still addressed to it are dead-lettered")
    public Response delete(@PathParam("name") String name) {
        if (!endpoints.delete(name, actor())) {
            throw ProblemException.notFound("endpoint", name);
        }
        return Response.noContent().build();
    }

    @POST
    @Path("/{name}/rotate-secret")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "New signing secret, shown once; the old one signs too during the grace period")
    public EndpointView.WithSecret rotateSecret(@PathParam("name") String name) {
        return endpoints.rotateSecret(name, actor());
    }

    @POST
    @Path("/{name}/pause")
    @RolesAllowed({ Roles.ADMIN, Roles.OPS })
    @Operation(summary = "Hold the endpoint's messages (no attempts) until it is resumed")
    public EndpointView pause(@PathParam("name") String name) {
        return endpoints.pause(name, actor());
    }

    @POST
    @Path("/{name}/resume")
    @RolesAllowed({ Roles.ADMIN, Roles.OPS })
    @Operation(summary = "Make a paused or disabled endpoint active again; held messages go out at once")
    public EndpointView resume(@PathParam("name") String name) {
        return endpoints.resume(name, actor());
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }

    private static EntityTag tag(EndpointView view) {
        return new EntityTag(Long.toString(view.version()));
    }
}
