package io.cmeautopilot.evaluation;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.cmeautopilot.common.ProblemException;
import io.cmeautopilot.common.Roles;
import io.quarkus.security.identity.SecurityIdentity;

@Path("/api/evaluations")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Evaluations")
@RolesAllowed({ Roles.ADMIN, Roles.OPS, Roles.INTEGRATION })
public class EvaluationResource {

    @Inject
    EvaluationService evaluations;
    @Inject
    EvaluationRuns runs;
    @Inject
    SecurityIdentity identity;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Evaluate the active rule book over accounts (apply or dry-run); answers when done")
    public RunView run(@Valid @NotNull EvaluationRequest request) {
        return evaluations.run(request, "rest", identity.getPrincipal().getName());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "An applied run: status, timings and per-rule statistics")
    public RunView get(@PathParam("id") long id) {
        return runs.view(id).orElseThrow(() -> ProblemException.notFound("evaluation run", id));
    }

    @GET
    @Operation(summary = "Recent applied runs, newest first")
    public List<RunView> recent(@QueryParam("limit") @DefaultValue("20") int limit) {
        if (limit < 1 || limit > 200) {
            throw ProblemException.invalidField("limit", "must be between 1 and 200");
        }
        return runs.recent(limit);
    }
}
