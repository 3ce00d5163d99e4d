package io.cmeautopilot.rules;

import java.util.Map;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

/**
 * DRL files by relative path ({@code {"files": {"churn/login.drl": "package ..."}}}), and for
 * {@code /test} optionally the scenario files to run (default: those in the rules directory).
 */
public record RuleFilesRequest(@NotEmpty @Size(max = 10000) Map<String, String> files, Map<String, String> scenarios) {
}
