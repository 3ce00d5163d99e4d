package io.cmeautopilot.web.teams;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
import org.jboss.resteasy.reactive.RestQuery;

import io.cmeautopilot.common.Page;
import io.cmeautopilot.common.ProblemException;
import io.cmeautopilot.common.Roles;
import io.cmeautopilot.tasks.TaskQuery;
import io.cmeautopilot.tasks.TaskRequests;
import io.cmeautopilot.tasks.TaskService;
import io.cmeautopilot.tasks.TaskTransitions;
import io.cmeautopilot.tasks.TaskView;
import io.cmeautopilot.tasks.teams.TeamLoad;
import io.cmeautopilot.tasks.teams.TeamRequest;
import io.cmeautopilot.tasks.teams.TeamService;
import io.cmeautopilot.tasks.teams.TeamView;
import io.cmeautopilot.web.Console;
import io.cmeautopilot.web.FormCheck;
import io.cmeautopilot.web.Htmx;
import io.cmeautopilot.web.Nav;
import io.cmeautopilot.web.work.Queues;
import io.cmeautopilot.web.work.TaskRow;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The team lead's view: each CME's load (open work weighted by priority, overdue), the team's whole
 * queue with bulk hand-over, and for ops the team's settings (strategy, lead, address).
 */
@Path(Nav.TEAMS)
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({ Roles.ADMIN, Roles.OPS, Roles.CME })
public class TeamsPage {

    static final int PAGE_SIZE = 50;

    @Inject
    Console console;
    @Inject
    TeamService teams;
    @Inject
    TeamLoad load;
    @Inject
    TaskService tasks;
    @Inject
    TaskTransitions transitions;
    @Inject
    Queues queues;
    @Inject
    FormCheck forms;
    @Context
    HttpHeaders headers;

    /** The team page: settings (null when the team has none yet), load, a page of its queue. */
    public record TeamPage(String name, TeamView settings, TeamLoad.Load load, List<TaskRow> queue, String cursor,
            String nextCursor, boolean canEditSettings, List<String> strategies) {

        public String path() {
            return Nav.teamPath(name);
        }
    }

    @CheckedTemplate(basePath = "console/teams")
    static class Templates {
        static native TemplateInstance teams(List<TeamView> teams);

        static native TemplateInstance team(TeamPage team);
    }

    @GET
    public Response list() {
        if (!console.isOps()) {
            return console.team() == null ? Htmx.seeOther(Nav.WORK) : Htmx.seeOther(Nav.teamPath(console.team()));
        }
        return Response.ok(Templates.teams(teams.list()).render()).build();
    }

    /** The "open team" form of the list. */
    @GET
    @Path("/go")
    public Response go(@RestQuery String name) {
        return name == null || name.isBlank() ? Htmx.seeOther(Nav.TEAMS) : Htmx.seeOther(Nav.teamPath(name.strip()));
    }

    @GET
    @Path("/{team}")
    public String team(@PathParam("team") String team, @RestQuery String cursor) {
        TeamLoad.Load teamLoad = load.of(team, console.caller());
        Page<TaskView> page = tasks.list(TaskQuery.openOfTeam(team), console.caller(), cursor, PAGE_SIZE);
        TeamView settings = teams.get(team, console.caller()).orElse(null);
        return Templates.team(new TeamPage(team, settings, teamLoad, queues.rows(page.items(), console), cursor,
                page.nextCursor(), console.isOps(), TeamService.strategies())).render();
    }

    /** Hands the ticked tasks (each "id:version") to a CME or a team: all of them or none. */
    @POST
    @Path("/{team}/reassign")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reassign(@PathParam("team") String team, @RestForm("task") List<String> picked,
            @RestForm String assignee, @RestForm("to-team") String toTeam) {
        if (picked == null || picked.isEmpty()) {
            throw ProblemException.invalidField("task", "tick at least one task to hand over");
        }
        TaskRequests.Reassign request = forms.valid(new TaskRequests.Reassign(blank(assignee), blank(toTeam)));
        transitions.reassignAll(versions(picked), request, console.caller());
        return Htmx.isHtmx(headers) ? Response.ok().header("HX-Refresh", "true").build()
                : Htmx.seeOther(Nav.teamPath(team));
    }

    @POST
    @Path("/{team}/settings")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ Roles.ADMIN, Roles.OPS })
    public Response settings(@PathParam("team") String team, @RestForm Long version, @RestForm String strategy,
            @RestForm String lead, @RestForm String email) {
        TeamRequest request = forms.valid(new TeamRequest(blank(lead), blank(email), blank(strategy)));
        teams.upsert(team, request, Htmx.ifMatch(version));
        return Htmx.seeOther(Nav.teamPath(team));
    }

    private static Map<Long, Long> versions(List<String> picked) {
        Map<Long, Long> versions = new LinkedHashMap<>();
        for (String p : picked) {
            String[] parts = p.split(":");
            try {
                versions.put(Long.valueOf(parts[0]), Long.valueOf(parts[1]));
            } catch (RuntimeException e) {
                throw ProblemException.invalidField("task", "'" + p + "' is not a task this page listed");
            }
        }
        return versions;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
