package io.cmeautopilot.rules;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.cmeautopilot.common.Problem;

/**
 * RFC 9457 problem for a rejected rule book, with the extension member {@code diagnostics}
 * (structured file/line/column) besides the usual {@code errors}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record RuleBookProblem(String type, String title, int status, String detail, String instance,
        List<Problem.FieldError> errors, List<Diagnostic> diagnostics) {
}
