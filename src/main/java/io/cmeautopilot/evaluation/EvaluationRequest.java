package io.cmeautopilot.evaluation;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.cmeautopilot.rules.api.Stage;

/**
 * What to evaluate and how. {@code mode}: {@code apply} (default), {@code dry-run} (what would happen,
 * nothing written) or {@code backtest} (a rule-book version, or DRL files, as of a past instant;
 * nothing written). {@code categories} limits the run to rules of these categories.
 */
public record EvaluationRequest(@NotNull @Valid Scope scope, @Pattern(regexp = "apply|dry-run|backtest") String mode,
        @Size(max = 50) List<@NotNull @Size(max = 100) String> categories, Instant asOf,
        @Size(max = 64) String ruleBookVersion, @Size(max = 5_000) Map<String, String> files) {

    /** Exactly one of: these account ids, every account ({@code all: true}), one segment, or a filter. */
    public record Scope(@Size(max = 100_000) List<@NotNull Long> accountIds, Boolean all, @Size(max = 100) String segment,
            @Valid Filter filter) {

        public static Scope of(List<Long> accountIds) {
            return new Scope(accountIds, null, null, null);
        }
    }

    /** Accounts whose fields equal all the given values (at least one). */
    public record Filter(@Size(max = 100) String segment, @Size(max = 100) String tier, @Size(max = 100) String owner,
            @Size(max = 100) String team, Stage stage) {

        boolean isEmpty() {
            return segment == null && tier == null && owner == null && team == null && stage == null;
        }
    }

    public EvaluationRequest(Scope scope, String mode) {
        this(scope, mode, null, null, null, null);
    }

    String effectiveMode() {
        return mode == null ? "apply" : mode;
    }

    boolean writes() {
        return "apply".equals(effectiveMode());
    }
}
