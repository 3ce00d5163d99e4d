package io.cmeautopilot.health;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.cmeautopilot.common.Caller;
import io.cmeautopilot.common.Roles;
import io.quarkus.security.identity.SecurityIdentity;

@Path("/api/accounts/{id}/health")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Health")
public class HealthResource {

    @Inject
    HealthService service;
    @Inject
    SecurityIdentity identity;

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.OPS, Roles.CME, Roles.INTEGRATION })
    @Operation(summary = "The account's current health score with each measure's contribution")
    public HealthScoreView current(@PathParam("id") long id) {
        return service.current(id, Caller.of(identity));
    }

    @GET
    @Path("/history")
    @RolesAllowed({ Roles.ADMIN, Roles.OPS, Roles.CME, Roles.INTEGRATION })
    @Operation(summary = "Daily scores from one UTC day to another (default: the last 90 days); measures=true adds the breakdown")
    public List<HealthScoreView> history(@PathParam("id") long id, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("measures") @DefaultValue("false") boolean measures) {
        return service.history(id, from, to, measures, Caller.of(identity));
    }

    @GET
    @Path("/changes")
    @RolesAllowed({ Roles.ADMIN, Roles.OPS, Roles.CME, Roles.INTEGRATION })
    @Operation(summary = "Why the score moved: the measures whose contribution changed between two days (default: 30 days ago and today)")
    public ScoreChanges.Comparison changes(@PathParam("id") long id, @QueryParam("from") String from,
            @QueryParam("to") String to) {
        return service.changes(id, from, to, Caller.of(identity));
    }
}
