package io.cmeautopilot.health;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.cmeautopilot.common.Problem;
import io.cmeautopilot.common.ProblemException;
import io.cmeautopilot.common.Roles;
import io.cmeautopilot.health.scorecard.InvalidScorecardException;
import io.cmeautopilot.health.scorecard.ScorecardDiagnostic;
import io.cmeautopilot.health.scorecard.ScorecardParser;

@Path("/api/health/scorecard")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Health")
public class ScorecardResource {

    @Inject
    ScorecardService scorecards;

    /** The answer of a validation: valid, or every error with its line. */
    public record ValidationView(boolean valid, String version, List<ScorecardDiagnostic> errors) {
    }

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.OPS, Roles.CME, Roles.INTEGRATION })
    @Operation(summary = "The active scorecard: variants, measures, scoring, weights and grade boundaries")
    public ScorecardView active() {
        return scorecards.active().map(ScorecardView::of)
                .orElseThrow(() -> new ProblemException(404, "not-found", "Not found",
                        "no valid scorecard is loaded (see the service log)", null));
    }

    @POST
    @Path("/reload")
    @RolesAllowed({ Roles.ADMIN, Roles.OPS })
    @Operation(summary = "Load the scorecard file again: ACTIVATED, UNCHANGED, MISSING, or 422 scorecard-invalid")
    public ScorecardOutcome reload() {
        ScorecardOutcome outcome = scorecards.reload("api");
        if (outcome.rejected()) {
            throw invalid(outcome.errors());
        }
        return outcome;
    }

    @POST
    @Path("/validate")
    @Consumes({ "application/yaml", MediaType.TEXT_PLAIN })
    @RolesAllowed({ Roles.ADMIN, Roles.OPS })
    @Operation(summary = "Check a scorecard (the YAML as the body) without activating it")
    public ValidationView validate(String yaml) {
        try {
            return new ValidationView(true, ScorecardParser.parse("scorecard.yaml", yaml == null ? "" : yaml).version(), List.of());
        } catch (InvalidScorecardException e) {
            return new ValidationView(false, null, e.diagnostics());
        }
    }

    static ProblemException invalid(List<ScorecardDiagnostic> errors) {
        return new ProblemException(422, "scorecard-invalid", "Invalid scorecard",
                errors.size() + " error(s); the active scorecard stays. First: " + errors.get(0),
                errors.stream().map(d -> new Problem.FieldError(d.location(), d.message())).toList());
    }
}
