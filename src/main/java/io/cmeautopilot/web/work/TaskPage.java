package io.cmeautopilot.web.work;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.function.Supplier;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;

import io.cmeautopilot.common.ProblemException;
import io.cmeautopilot.common.Roles;
import io.cmeautopilot.tasks.TaskRequests;
import io.cmeautopilot.tasks.TaskTransitions;
import io.cmeautopilot.web.Console;
import io.cmeautopilot.web.FormCheck;
import io.cmeautopilot.web.Htmx;
import io.cmeautopilot.web.Nav;

/**
 * One task: why it exists (rule, version, matched values), its checklist and history, and every move
 * a CME makes on it. Each form sends the version it was rendered with, so a change someone else made
 * in between answers 412 (shown as "reload") instead of being overwritten.
 */
@Path(Nav.ROOT + "/tasks/{id}")
@Produces(MediaType.TEXT_HTML)
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
@RolesAllowed({ Roles.ADMIN, Roles.OPS, Roles.CME })
public class TaskPage {

    @Inject
    Console console;
    @Inject
    TaskTransitions transitions;
    @Inject
    TaskDetails details;
    @Inject
    WorkPage work;
    @Inject
    FormCheck forms;
    @Context
    HttpHeaders headers;

    static String path(long id) {
        return Nav.ROOT + "/tasks/" + id;
    }

    @GET
    public String page(@PathParam("id") long id) {
        return Htmx.isHtmx(headers) ? details.fragment(id) : details.page(id);
    }

    @POST
    @Path("/start")
    public Response start(@PathParam("id") long id, @RestForm Long version, @RestForm("_return") String back) {
        return done(id, back, () -> transitions.start(id, Htmx.ifMatch(version), console.caller()));
    }

    @POST
    @Path("/snooze")
    public Response snooze(@PathParam("id") long id, @RestForm Long version, @RestForm String until,
            @RestForm Integer days, @RestForm String note, @RestForm("_return") String back) {
        TaskRequests.Snooze request = forms.valid(new TaskRequests.Snooze(until(until, days), blank(note)));
        return done(id, back, () -> transitions.snooze(id, request, Htmx.ifMatch(version), console.caller()));
    }

    @POST
    @Path("/complete")
    public Response complete(@PathParam("id") long id, @RestForm Long version, @RestForm String outcome,
            @RestForm("_return") String back) {
        TaskRequests.Complete request = forms.valid(new TaskRequests.Complete(blank(outcome)));
        return done(id, back, () -> transitions.complete(id, request, Htmx.ifMatch(version), console.caller()));
    }

    @POST
    @Path("/dismiss")
    public Response dismiss(@PathParam("id") long id, @RestForm Long version, @RestForm String reason,
            @RestForm("_return") String back) {
        TaskRequests.Dismiss request = forms.valid(new TaskRequests.Dismiss(blank(reason)));
        return done(id, back, () -> transitions.dismiss(id, request, Htmx.ifMatch(version), console.caller()));
    }

    @POST
    @Path("/reassign")
    public Response reassign(@PathParam("id") long id, @RestForm Long version, @RestForm String assignee,
            @RestForm String team, @RestForm("_return") String back) {
        TaskRequests.Reassign request = forms.valid(new TaskRequests.Reassign(blank(assignee), blank(team)));
        return done(id, back, () -> transitions.reassign(id, request, Htmx.ifMatch(version), console.caller()));
    }

    @POST
    @Path("/comments")
    public Response comment(@PathParam("id") long id, @RestForm String text, @RestForm("_return") String back) {
        TaskRequests.Comment request = forms.valid(new TaskRequests.Comment(blank(text)));
        return done(id, back, () -> transitions.comment(id, request, console.caller()));
    }

    @POST
    @Path("/checklist/{step}")
    public Response tick(@PathParam("id") long id, @PathParam("step") int step, @RestForm Long version,
            @RestForm boolean done, @RestForm("_return") String back) {
        return done(id, back, () -> transitions.tick(id, step, new TaskRequests.Tick(done), Htmx.ifMatch(version),
                console.caller()));
    }

    /** Runs the move; htmx gets the task as it now is (and the queue it came from), a plain form a redirect. */
    private Response done(long id, String back, Supplier<?> move) {
        move.get();
        if (!Htmx.isHtmx(headers)) {
            return Htmx.seeOther(Htmx.safe(back, path(id)));
        }
        return Response.ok(details.fragment(id) + work.refreshedQueue(headers.getHeaderString(Htmx.CURRENT_URL)))
                .build();
    }

    /** A snooze ends at a local time in the reader's zone, or after a number of days. */
    private Instant until(String local, Integer days) {
        if (local != null && !local.isBlank()) {
            try {
                return LocalDateTime.parse(local.strip()).atZone(console.zone()).toInstant();
            } catch (DateTimeParseException e) {
                throw ProblemException.invalidField("until", "must be a date and time, e.g. 2026-12-01T09:00");
            }
        }
        if (days != null) {
            if (days < 1 || days > 365) {
                throw ProblemException.invalidField("days", "must be between 1 and 365");
            }
            return console.now().plus(java.time.Duration.ofDays(days));
        }
        return null;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
