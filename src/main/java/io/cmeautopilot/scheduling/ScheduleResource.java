package io.cmeautopilot.scheduling;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import io.cmeautopilot.evaluation.RunView;

/** Evaluation schedules, managed by ops. Writes answer the schedule with its {@code ETag}; send it back as {@code If-Match}. */
@Path("/api/schedules")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Schedules")
@RolesAllowed({ Roles.ADMIN, Roles.OPS })
public class ScheduleResource {

    @Inject
    ScheduleService schedules;

    @GET
    @Operation(summary = "Every schedule with its next firing and latest run")
    public List<ScheduleView> list() {
        return schedules.list();
    }

    @GET
    @Path("/{name}")
    @Operation(summary = "One schedule")
    public Response get(@PathParam("name") String name) {
        ScheduleView view = schedules.get(name).orElseThrow(() -> ProblemException.notFound("schedule", name));
        return Response.ok(view).tag(tag(view)).build();
    }

    @PUT
    @Path("/{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create or replace a schedule (201 created / 200 replaced); a bad cron or time zone is a 422")
    public Response put(@PathParam("name") String name, @Valid @NotNull ScheduleRequest request,
            @HeaderParam("If-Match") String ifMatch) {
        ScheduleService.Saved saved = schedules.put(name, request, ifMatch);
        return Response.status(saved.created() ? 201 : 200).tag(tag(saved.schedule())).entity(saved.schedule()).build();
    }

    @DELETE
    @Path("/{name}")
    @Operation(summary = "Delete a schedule and its trigger (its past runs are kept)")
    public Response delete(@PathParam("name") String name, @HeaderParam("If-Match") String ifMatch) {
        schedules.delete(name, ifMatch);
        return Response.noContent().build();
    }

    @POST
    @Path("/{name}/run")
    @Operation(summary = "Start the schedule's run now (202; 409 while its previous run is still going)")
    public Response runNow(@PathParam("name") String name) {
        RunView run = schedules.runNow(name);
        return Response.accepted(run).header("Location", "/api/evaluations/" + run.id()).build();
    }

    private static EntityTag tag(ScheduleView view) {
        return new EntityTag(String.valueOf(view.version()));
    }
}
