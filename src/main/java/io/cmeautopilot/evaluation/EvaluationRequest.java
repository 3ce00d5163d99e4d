package io.cmeautopilot.evaluation;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What to evaluate and how: {@code mode} is {@code apply} (default) or {@code dry-run}. */
public record EvaluationRequest(@NotNull @Valid Scope scope, @Pattern(regexp = "apply|dry-run") String mode) {

    /** Exactly one of: these account ids, every account ({@code all: true}), or one segment. */
    public record Scope(@Size(max = 10_000) List<Long> accountIds, Boolean all, @Size(max = 100) String segment) {
    }

    boolean dryRun() {
        return "dry-run".equals(mode);
    }
}
