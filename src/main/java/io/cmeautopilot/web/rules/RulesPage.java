package io.cmeautopilot.web.rules;

import java.util.LinkedHashMap;
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
import org.jboss.resteasy.reactive.RestQuery;

import io.cmeautopilot.common.ProblemException;
import io.cmeautopilot.common.Roles;
import io.cmeautopilot.evaluation.EvaluationRequest;
import io.cmeautopilot.evaluation.EvaluationService;
import io.cmeautopilot.evaluation.RunView;
import io.cmeautopilot.rules.ReloadOutcome;
import io.cmeautopilot.rules.RuleBookService;
import io.cmeautopilot.rules.RuleBookTesting;
import io.cmeautopilot.rules.RuleBookVersionView;
import io.cmeautopilot.rules.RuleBookView;
import io.cmeautopilot.rules.ValidationView;
import io.cmeautopilot.rules.scenarios.ScenarioReport;
import io.cmeautopilot.web.Console;
import io.cmeautopilot.web.Htmx;
import io.cmeautopilot.web.Nav;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The rule book for ops: the active version and its rules with their statistics from recent runs,
 * the version history with diffs, and an editor that validates a changed file (diagnostics with
 * file:line:column), runs the scenarios, and shows the blast radius of the change before anything
 * is activated (a backtest of the edited book over every account, writing nothing). Activation stays
 * with the files in git (reload from disk).
 */
@Path(Nav.RULES)
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({ Roles.ADMIN, Roles.OPS })
public class RulesPage {

    static final int RECENT_RUNS = 20;

    @Inject
    Console console;
    @Inject
    RuleBookService rules;
    @Inject
    RuleBookTesting testing;
    @Inject
    EvaluationService evaluations;
    @Context
    HttpHeaders headers;

    /** The rules page: the active book (null when none compiled), statistics per rule, recent versions. */
    public record Overview(RuleBookView active, Map<String, RuleTotals> stats, int runsCounted,
            List<RuleBookVersionView> versions, ReloadOutcome reloaded) {
    }

    /** A rule's counts summed over recent runs. */
    public record RuleTotals(int proposed, int created, int updated, int suppressed, int tripped, int failures) {
    }

    /** The editor: the file being edited, its text, the book's other files, and what checking it found. */
    public record Editor(String file, String text, List<String> files, ValidationView validation, ScenarioReport scenarios) {
    }

    @CheckedTemplate(basePath = "console/rules")
    static class Templates {
        static native TemplateInstance rules(Overview overview);

        static native TemplateInstance diff(RuleBookVersionView version, RuleBookVersionView against, List<FileDiff.File> files);

        static native TemplateInstance editor(Editor editor);

        static native TemplateInstance editor$checked(Editor editor);
    }

    @GET
    public String overview() {
        return Templates.rules(overview(null)).render();
    }

    /** Compiles the files on disk and activates them if they compile (as POST /api/rules/reload). */
    @POST
    @Path("/reload")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public String reload() {
        return Templates.rules(overview(rules.reload(RuleBookService.EXPLICIT, console.username()))).render();
    }

    @GET
    @Path("/versions/{id}")
    public String diff(@PathParam("id") long id, @RestQuery Long against) {
        List<RuleBookVersionView> versions = rules.versions(null, 200).items();
        RuleBookVersionView version = versions.stream().filter(v -> v.id() == id).findFirst()
                .orElseThrow(() -> ProblemException.notFound("rule book load", id));
        RuleBookVersionView base = against != null
                ? versions.stream().filter(v -> v.id() == against).findFirst()
                        .orElseThrow(() -> ProblemException.notFound("rule book load", against))
                : versions.stream().filter(v -> v.id() < id && "ACTIVATED".equals(v.result())).findFirst().orElse(null);
        Map<String, String> after = rules.filesOfLoad(id).orElse(Map.of());
        Map<String, String> before = base == null ? Map.of() : rules.filesOfLoad(base.id()).orElse(Map.of());
        return Templates.diff(version, base, FileDiff.between(before, after)).render();
    }

    @GET
    @Path("/edit")
    public String edit(@RestQuery String file) {
        Map<String, String> files = activeFiles();
        String chosen = file != null && files.containsKey(file) ? file : files.keySet().stream().findFirst().orElse("new.drl");
        return Templates.editor(new Editor(chosen, files.getOrDefault(chosen, ""), List.copyOf(files.keySet()), null, null))
                .render();
    }

    /** Compiles the book with the edited file (and runs the scenarios): diagnostics, nothing activated. */
    @POST
    @Path("/validate")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public String validate(@RestForm String file, @RestForm String text, @RestForm String scenarios) {
        Map<String, String> files = edited(file, text);
        ValidationView validation = ValidationView.of(rules.validate(files));
        ScenarioReport report = validation.valid() && "on".equals(scenarios) ? testing.run(files, null) : null;
        Editor editor = new Editor(file, text, List.copyOf(files.keySet()), validation, report);
        return Htmx.isHtmx(headers) ? Templates.editor$checked(editor).render() : Templates.editor(editor).render();
    }

    /**
     * The blast radius of the edited book: a backtest over every account as of now, writing nothing,
     * with per-rule counts and a sample of what it would propose (on the run's page).
     */
    @POST
    @Path("/blast-radius")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response blastRadius(@RestForm String file, @RestForm String text) {
        Map<String, String> files = edited(file, text);
        EvaluationRequest request = new EvaluationRequest(new EvaluationRequest.Scope(null, true, null, null), "backtest",
                null, console.now().minusSeconds(1), null, files);
        RunView run = evaluations.run(request, "console", console.username());
        String page = Nav.RUNS + "/" + run.id();
        return Htmx.isHtmx(headers) ? Response.ok().header("HX-Redirect", page).build() : Htmx.seeOther(page);
    }

    private Overview overview(ReloadOutcome reloaded) {
        RuleBookView active = rules.active().map(RuleBookView::of).orElse(null);
        List<RunView> runs = evaluations.recent(RECENT_RUNS);
        Map<String, RuleTotals> stats = new TreeMap<>();
        runs.stream().filter(r -> "apply".equals(r.mode()) && r.rules() != null).forEach(r -> r.rules().forEach((rule, s) ->
                stats.merge(rule, new RuleTotals(s.proposed(), s.created(), s.updated(), s.suppressedByCooldown(), s.tripped(),
                        s.failures()), RulesPage::plus)));
        return new Overview(active, stats, (int) runs.stream().filter(r -> "apply".equals(r.mode())).count(),
                rules.versions(null, 20).items(), reloaded);
    }

    private static RuleTotals plus(RuleTotals a, RuleTotals b) {
        return new RuleTotals(a.proposed() + b.proposed(), a.created() + b.created(), a.updated() + b.updated(),
                a.suppressed() + b.suppressed(), a.tripped() + b.tripped(), a.failures() + b.failures());
    }

    private Map<String, String> activeFiles() {
        return rules.active().map(b -> (Map<String, String>) new TreeMap<>(b.files())).orElseGet(TreeMap::new);
    }

    /** The active book's files with one file replaced (or added) by the editor's text. */
    private Map<String, String> edited(String file, String text) {
        if (file == null || file.isBlank() || !file.endsWith(".drl") || file.contains("..") || file.startsWith("/")) {
            throw ProblemException.invalidField("file", "must be a relative path ending in .drl");
        }
        if (text == null || text.isBlank()) {
            throw ProblemException.invalidField("text", "must not be empty");
        }
        Map<String, String> files = new LinkedHashMap<>(activeFiles());
        files.put(file.strip(), text.replace("\r\n", "\n"));
        return files;
    }
}
