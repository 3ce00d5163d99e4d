package io.cmeautopilot.scheduling;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.cmeautopilot.evaluation.EvaluationRequest;

/**
 * A schedule as written by ops. {@code cron} is a Quartz cron expression (seconds first, e.g.
 * {@code 0 0 2 * * ?}); {@code timeZone} an IANA zone (default UTC); {@code categories} limits the
 * run to rules of those categories (none: every rule).
 */
public record ScheduleRequest(@Size(max = 500) String description, @NotBlank @Size(max = 120) String cron,
        @Size(max = 80) String timeZone, @NotNull @Valid EvaluationRequest.Scope scope,
        @Size(max = 50) List<@NotBlank @Size(max = 100) String> categories,
        @Pattern(regexp = "apply|dry-run") String mode, Boolean enabled) {
}
