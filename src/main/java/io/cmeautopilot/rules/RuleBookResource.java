package io.cmeautopilot.rules;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.cmeautopilot.common.Page;
import io.cmeautopilot.common.ProblemException;
import io.cmeautopilot.common.Roles;
import io.cmeautopilot.rules.scenarios.ScenarioReport;
import io.quarkus.security.identity.SecurityIdentity;

@Path("/api/rules")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Rules")
@RolesAllowed({ Roles.OPS, Roles.ADMIN })
public class RuleBookResource {

    @Inject
    RuleBookService service;
    @Inject
    RuleBookHistory history;
    @Inject
    RuleBookTesting testing;
    @Inject
    SecurityIdentity identity;

    @GET
    @Operation(summary = "The active rule book: version, rules with metadata, file and line")
    public RuleBookView active() {
        return service.active().map(RuleBookView::of)
                .orElseThrow(() -> new ProblemException(404, "not-found", "Not found",
                        "no rule book is active: the rules directory did not compile at startup (see GET /api/rules/versions)", null));
    }

    @POST
    @Path("/reload")
    @Operation(summary = "Recompile the rule book from disk and activate it; 422 with diagnostics if it does not compile")
    public ReloadOutcome reload() {
        ReloadOutcome outcome = service.reload(RuleBookService.EXPLICIT, identity.getPrincipal().getName());
        if (outcome.rejected()) {
            throw new RuleBookRejectedException("the rule book has " + outcome.diagnostics().stream().filter(Diagnostic::isError).count()
                    + " error(s); version " + (outcome.activeVersion() == null ? "(none)" : outcome.activeVersion())
                    + " stays active", outcome.diagnostics());
        }
        return outcome;
    }

    @POST
    @Path("/validate")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Compile the given DRL files and return diagnostics; activates nothing")
    public ValidationView validate(@Valid @NotNull RuleFilesRequest request) {
        return ValidationView.of(service.validate(request.files()));
    }

    @POST
    @Path("/test")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Run scenario files (given, or those in rules/tests) against the given DRL files; activates nothing")
    public ScenarioReport test(@Valid @NotNull RuleFilesRequest request) {
        return testing.run(request.files(), request.scenarios());
    }

    @GET
    @Path("/versions")
    @Operation(summary = "Rule book load history, newest first: version, trigger, who, result, diagnostics, active")
    public Page<RuleBookVersionView> versions(@QueryParam("cursor") String cursor,
            @QueryParam("limit") @DefaultValue("50") int limit) {
        return history.list(cursor, limit);
    }
}
