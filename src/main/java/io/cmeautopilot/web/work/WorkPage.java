package io.cmeautopilot.web.work;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

import io.cmeautopilot.common.Roles;
import io.cmeautopilot.tasks.TaskService;
import io.cmeautopilot.tasks.TaskView;
import io.cmeautopilot.web.Console;
import io.cmeautopilot.web.Htmx;
import io.cmeautopilot.web.Nav;
import io.cmeautopilot.web.QueryString;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * My work: the reader's tasks and their team's queue, most urgent first, with service-level state,
 * filters and cursor paging. A task opens beside the queue (htmx) or on its own page (without JavaScript).
 */
@Path(Nav.WORK)
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({ Roles.ADMIN, Roles.OPS, Roles.CME })
public class WorkPage {

    @Inject
    Console console;
    @Inject
    Queues queues;
    @Inject
    TaskService tasks;
    @Inject
    TaskDetails details;

    @CheckedTemplate(basePath = "console/work")
    static class Templates {
        static native TemplateInstance work(Queue queue, boolean oob);

        static native TemplateInstance work$queue(Queue queue, boolean oob);
    }

    @GET
    public String page(@RestQuery String view, @RestQuery String team, @RestQuery String status, @RestQuery String type,
            @RestQuery String priority, @RestQuery String due, @RestQuery String account, @RestQuery String cursor) {
        WorkFilter filter = WorkFilter.of(status, type, priority, due, account);
        return Templates.work(queues.load(view, team, filter, cursor, console), false).render();
    }

    /** Takes the most urgent unassigned task of the team's queue and opens it. */
    @POST
    @Path("/claim")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response claim(@RestForm String team, @RestForm String status, @RestForm String type,
            @RestForm String priority, @RestForm String due, @Context HttpHeaders headers) {
        String queueTeam = team == null || team.isBlank() ? console.team() : team.strip();
        TaskView claimed = tasks.claimNext(queueTeam == null ? "" : queueTeam, console.caller());
        if (!Htmx.isHtmx(headers)) {
            return Htmx.seeOther(TaskPage.path(claimed.id()));
        }
        WorkFilter filter = WorkFilter.of(status, type, priority, due, null);
        Queue queue = queues.load("team", queueTeam, filter, null, console);
        return Response.ok(details.fragment(claimed.id()) + Templates.work$queue(queue, true).render()).build();
    }

    /** The queue of the page an htmx action came from, to refresh it beside the task that changed. */
    String refreshedQueue(String currentUrl) {
        QueryString q = QueryString.parse(currentUrl);
        if (q == null || !Nav.WORK.equals(q.path())) {
            return "";
        }
        WorkFilter filter = WorkFilter.of(q.get("status"), q.get("type"), q.get("priority"), q.get("due"), q.get("account"));
        return Templates.work$queue(queues.load(q.get("view"), q.get("team"), filter, q.get("cursor"), console), true)
                .render();
    }
}
