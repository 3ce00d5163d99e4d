package io.cmeautopilot.accounts.csv;

import java.util.List;

/**
 * The outcome of an import. {@code errors} holds at most {@link ImportErrors#MAX_KEPT} entries;
 * {@code errorCount} is the full count. {@code created}/{@code updated} count what was written (apply)
 * or what would be (validate); both are 0 when the file was rejected.
 */
public record ImportReport(String mode, boolean applied, long rows, long created, long updated, long errorCount,
        List<ImportError> errors) {
}
