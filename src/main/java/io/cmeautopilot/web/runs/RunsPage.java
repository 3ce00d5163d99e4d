package io.cmeautopilot.web.runs;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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
import io.cmeautopilot.evaluation.EvaluationService;
import io.cmeautopilot.evaluation.RuleStats;
import io.cmeautopilot.evaluation.RunView;
import io.cmeautopilot.scheduling.ScheduleRequest;
import io.cmeautopilot.scheduling.ScheduleService;
import io.cmeautopilot.scheduling.ScheduleView;
import io.cmeautopilot.web.Console;
import io.cmeautopilot.web.FormCheck;
import io.cmeautopilot.web.Htmx;
import io.cmeautopilot.web.Nav;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * Evaluation runs and their schedules for ops: recent runs, one run with live progress (htmx polls
 * the run while it goes on; without JavaScript, reload), its outcomes by rule and its failures; the
 * schedules with their next firing and last run, started now or changed.
 */
@Path(Nav.ROOT)
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({ Roles.ADMIN, Roles.OPS })
public class RunsPage {

    static final int RECENT = 50;

    @Inject
    Console console;
    @Inject
    EvaluationService evaluations;
    @Inject
    ScheduleService schedules;
    @Inject
    FormCheck forms;
    @Context
    HttpHeaders headers;

    /** A run and its per-rule outcomes sorted by rule name. */
    public record RunPage(RunView run, Map<String, RuleStats> rules) {

        public boolean running() {
            return run.finishedAt() == null;
        }

        public int percentDone() {
            var p = run.progress();
            return p == null || p.chunksTotal() == 0 ? (running() ? 0 : 100) : 100 * p.chunksDone() / p.chunksTotal();
        }
    }

    @CheckedTemplate(basePath = "console/runs")
    static class Templates {
        static native TemplateInstance runs(List<RunView> runs);

        static native TemplateInstance run(RunPage page);

        static native TemplateInstance run$live(RunPage page);

        static native TemplateInstance schedules(List<ScheduleView> schedules);
    }

    @GET
    @Path("/runs")
    public String runs() {
        return Templates.runs(evaluations.recent(RECENT)).render();
    }

    @GET
    @Path("/runs/{id}")
    public String run(@PathParam("id") long id) {
        RunView run = evaluations.find(id).orElseThrow(() -> ProblemException.notFound("evaluation run", id));
        RunPage page = new RunPage(run, new TreeMap<>(run.rules() == null ? Map.of() : run.rules()));
        return Htmx.isHtmx(headers) ? Templates.run$live(page).render() : Templates.run(page).render();
    }

    @GET
    @Path("/schedules")
    public String schedules() {
        return Templates.schedules(schedules.list()).render();
    }

    @POST
    @Path("/schedules/{name}/run")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response runNow(@PathParam("name") String name) {
        RunView run = schedules.runNow(name);
        return Htmx.seeOther(Nav.RUNS + "/" + run.id());
    }

    /** Changes a schedule's timing, description and whether it is on; its scope and categories stay. */
    @POST
    @Path("/schedules/{name}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response change(@PathParam("name") String name, @RestForm Long version, @RestForm String cron,
            @RestForm String timeZone, @RestForm String description, @RestForm String enabled) {
        ScheduleView current = schedules.get(name).orElseThrow(() -> ProblemException.notFound("schedule", name));
        ScheduleRequest request = forms.valid(new ScheduleRequest(blank(description), blank(cron), blank(timeZone),
                current.scope(), current.categories(), current.mode(), "on".equals(enabled)));
        schedules.put(name, request, Htmx.ifMatch(version));
        return Htmx.seeOther(Nav.SCHEDULES);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
