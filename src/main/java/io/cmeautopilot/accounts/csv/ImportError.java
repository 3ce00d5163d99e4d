package io.cmeautopilot.accounts.csv;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One problem in an imported file: the physical line where the record starts (the header is line 1),
 * the column's header ({@code null} when the whole row is wrong) and why.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImportError(long line, String column, String message) {
}
