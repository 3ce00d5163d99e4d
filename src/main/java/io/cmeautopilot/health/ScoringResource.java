package io.cmeautopilot.health;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.cmeautopilot.common.Roles;

@Path("/api/health/scores")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Health")
public class ScoringResource {

    @Inject
    HealthScoring scoring;

    @POST
    @RolesAllowed({ Roles.ADMIN, Roles.OPS })
    @Operation(summary = "Score accounts now ({\"all\": true} or {\"accountIds\": [...]}) and store today's scores")
    public HealthScoring.Outcome score(@NotNull ScoringRequest request) {
        return scoring.onRequest(request);
    }
}
