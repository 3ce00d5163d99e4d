package io.cmeautopilot.tasks;

import java.net.URI;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.cmeautopilot.common.Caller;
import io.cmeautopilot.common.Page;
import io.cmeautopilot.common.Roles;
import io.cmeautopilot.rules.api.Priority;
import io.quarkus.security.identity.SecurityIdentity;

/** CME work queues. Every change answers the task with its new {@code ETag}; send it back as {@code If-Match}. */
@Path("/api/tasks")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Tasks")
@RolesAllowed({ Roles.ADMIN, Roles.OPS, Roles.CME })
public class TaskResource {

    @Inject
    TaskService tasks;
    @Inject
    TaskTransitions transitions;
    @Inject
    SecurityIdentity identity;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a task by hand")
    public Response create(@Valid @NotNull TaskRequests.Create request) {
        TaskView task = tasks.create(request, caller());
        return Response.created(URI.create("/api/tasks/" + task.id())).tag(tag(task)).entity(task).build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A task with its full history and why it exists")
    public Response get(@PathParam("id") long id) {
        TaskService.Detail detail = tasks.get(id, caller());
        return Response.ok(detail).tag(tag(detail.task())).build();
    }

    @GET
    @Operation(summary = "Tasks across queues, most urgent first, paged: by status (default: open ones), team, assignee, "
            + "unassigned=true, rule, type, priority, accountId. A CME sees their own tasks and their team's queue only")
    public Page<TaskView> list(@QueryParam("status") List<TaskStatus> status, @QueryParam("team") String team,
            @QueryParam("assignee") String assignee, @QueryParam("unassigned") @DefaultValue("false") boolean unassigned,
            @QueryParam("rule") String rule, @QueryParam("type") String type, @QueryParam("priority") Priority priority,
            @QueryParam("accountId") Long accountId, @QueryParam("cursor") String cursor,
            @QueryParam("limit") @DefaultValue("50") int limit) {
        Set<TaskStatus> statuses = status == null || status.isEmpty() ? TaskStatus.OPEN_STATES : EnumSet.copyOf(status);
        return tasks.list(new TaskQuery(statuses, team, assignee, unassigned, rule, type, priority, accountId), caller(),
                cursor, limit);
    }

    @GET
    @Path("/mine")
    @Operation(summary = "My tasks: most urgent first (priority, then due), filtered, paged")
    public Page<TaskView> mine(@QueryParam("status") List<TaskStatus> status, @QueryParam("type") String type,
            @QueryParam("priority") Priority priority, @QueryParam("dueBefore") Instant dueBefore,
            @QueryParam("accountId") Long accountId, @QueryParam("cursor") String cursor,
            @QueryParam("limit") @DefaultValue("50") int limit) {
        return tasks.mine(caller(), filter(status, type, priority, dueBefore, accountId), cursor, limit);
    }

    @GET
    @Path("/queues/{team}")
    @Operation(summary = "A team's queue (a CME: their own team's only)")
    public Page<TaskView> team(@PathParam("team") String team, @QueryParam("status") List<TaskStatus> status,
            @QueryParam("type") String type, @QueryParam("priority") Priority priority,
            @QueryParam("dueBefore") Instant dueBefore, @QueryParam("accountId") Long accountId,
            @QueryParam("cursor") String cursor, @QueryParam("limit") @DefaultValue("50") int limit) {
        return tasks.team(team, caller(), filter(status, type, priority, dueBefore, accountId), cursor, limit);
    }

    @POST
    @Path("/queues/{team}/claim")
    @Operation(summary = "Take the most urgent unassigned task of the queue (404 when it is empty)")
    public Response claim(@PathParam("team") String team) {
        TaskView task = tasks.claimNext(team, caller());
        return Response.ok(task).tag(tag(task)).build();
    }

    @POST
    @Path("/{id}/start")
    @Operation(summary = "Start working on a task (takes it when unassigned)")
    public Response start(@PathParam("id") long id, @HeaderParam("If-Match") String ifMatch) {
        return answer(transitions.start(id, ifMatch, caller()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/{id}/snooze")
    @Operation(summary = "Snooze a task until a future time")
    public Response snooze(@PathParam("id") long id, @Valid @NotNull TaskRequests.Snooze request,
            @HeaderParam("If-Match") String ifMatch) {
        return answer(transitions.snooze(id, request, ifMatch, caller()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/{id}/complete")
    @Operation(summary = "Complete a task with its outcome")
    public Response complete(@PathParam("id") long id, @Valid @NotNull TaskRequests.Complete request,
            @HeaderParam("If-Match") String ifMatch) {
        return answer(transitions.complete(id, request, ifMatch, caller()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/{id}/dismiss")
    @Operation(summary = "Dismiss a task with a reason")
    public Response dismiss(@PathParam("id") long id, @Valid @NotNull TaskRequests.Dismiss request,
            @HeaderParam("If-Match") String ifMatch) {
        return answer(transitions.dismiss(id, request, ifMatch, caller()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/{id}/reassign")
    @Operation(summary = "Give a task to another CME and/or team")
    public Response reassign(@PathParam("id") long id, @Valid @NotNull TaskRequests.Reassign request,
            @HeaderParam("If-Match") String ifMatch) {
        return answer(transitions.reassign(id, request, ifMatch, caller()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/{id}/comments")
    @Operation(summary = "Comment on a task (kept in its history)")
    public Response comment(@PathParam("id") long id, @Valid @NotNull TaskRequests.Comment request) {
        return answer(transitions.comment(id, request, caller()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/{id}/checklist/{step}")
    @Operation(summary = "Tick (or untick) a checklist step, counted from 0")
    public Response tick(@PathParam("id") long id, @PathParam("step") int step,
            @Valid @NotNull TaskRequests.Tick request, @HeaderParam("If-Match") String ifMatch) {
        return answer(transitions.tick(id, step, request, ifMatch, caller()));
    }

    private static TaskFilter filter(List<TaskStatus> status, String type, Priority priority, Instant dueBefore,
            Long accountId) {
        Set<TaskStatus> statuses = status == null || status.isEmpty() ? TaskStatus.OPEN_STATES : EnumSet.copyOf(status);
        return new TaskFilter(statuses, type, priority, dueBefore, accountId);
    }

    private static Response answer(TaskView task) {
        return Response.ok(task).tag(tag(task)).build();
    }

    private static EntityTag tag(TaskView task) {
        return new EntityTag(Long.toString(task.version()));
    }

    private Caller caller() {
        return Caller.of(identity);
    }
}
