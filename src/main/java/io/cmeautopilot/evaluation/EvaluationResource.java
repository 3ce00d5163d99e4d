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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

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
    RunCancellation cancellation;
    @Inject
    SecurityIdentity identity;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Evaluate rules over accounts: apply, dry-run or backtest. Up to cme.evaluation.sync-max-accounts "
            + "listed accounts: 200 with the finished run; larger scopes: 202 with the run's URL in Location")
    public Response run(@Valid @NotNull EvaluationRequest request, @Context UriInfo uri) {
        RunView run = evaluations.run(request, "rest", identity.getPrincipal().getName());
        if (run.finishedAt() != null) {
            return Response.ok(run).build();
        }
        return Response.accepted(run).location(uri.getAbsolutePathBuilder().path(String.valueOf(run.id())).build()).build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A run: status, progress, timings, per-rule statistics; a sample of proposals for dry runs and backtests")
    public RunView get(@PathParam("id") long id) {
        return runs.view(id).orElseThrow(() -> ProblemException.notFound("evaluation run", id));
    }

    @POST
    @Path("/{id}/cancel")
    @RolesAllowed({ Roles.ADMIN, Roles.OPS })
    @Operation(summary = "Cancel a running run: chunks not started are dropped, chunks in flight finish or roll back; "
            + "it ends CANCELLED with what it did so far (409 when it has finished; cancelling twice is harmless)")
    public RunView cancel(@PathParam("id") long id) {
        cancellation.cancel(id, identity.getPrincipal().getName());
        return get(id);
    }

    @GET
    @Operation(summary = "Recent runs, newest first")
    public List<RunView> recent(@QueryParam("limit") @DefaultValue("20") int limit) {
        if (limit < 1 || limit > 200) {
            throw ProblemException.invalidField("limit", "must be between 1 and 200");
        }
        return runs.recent(limit);
    }
}
