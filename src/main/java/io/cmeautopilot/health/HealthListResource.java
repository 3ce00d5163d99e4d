package io.cmeautopilot.health;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.cmeautopilot.common.Caller;
import io.cmeautopilot.common.Page;
import io.cmeautopilot.common.Roles;
import io.quarkus.security.identity.SecurityIdentity;

@Path("/api/health")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Health")
public class HealthListResource {

    @Inject
    HealthService service;
    @Inject
    SecurityIdentity identity;

    @GET
    @Path("/accounts")
    @RolesAllowed({ Roles.ADMIN, Roles.OPS, Roles.CME, Roles.INTEGRATION })
    @Operation(summary = "Accounts by current grade (all scored accounts without grade), by id, with a cursor")
    public Page<HealthListItem> byGrade(@QueryParam("grade") String grade, @QueryParam("segment") String segment,
            @QueryParam("owner") String owner, @QueryParam("team") String team, @QueryParam("cursor") String cursor,
            @QueryParam("limit") @DefaultValue("50") int limit) {
        return service.byGrade(grade, new HealthScoreRepository.ListFilter(segment, owner, team), Caller.of(identity),
                cursor, limit);
    }

    @GET
    @Path("/drops")
    @RolesAllowed({ Roles.ADMIN, Roles.OPS, Roles.CME, Roles.INTEGRATION })
    @Operation(summary = "Accounts whose score fell in 30 days, the largest fall first, with a cursor")
    public Page<HealthListItem> largestDrops(@QueryParam("minDrop") @DefaultValue("1") int minDrop,
            @QueryParam("segment") String segment, @QueryParam("owner") String owner, @QueryParam("team") String team,
            @QueryParam("cursor") String cursor, @QueryParam("limit") @DefaultValue("50") int limit) {
        return service.largestDrops(minDrop, new HealthScoreRepository.ListFilter(segment, owner, team),
                Caller.of(identity), cursor, limit);
    }
}
