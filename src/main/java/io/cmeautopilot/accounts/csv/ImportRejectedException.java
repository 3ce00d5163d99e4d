package io.cmeautopilot.accounts.csv;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.cmeautopilot.common.ProblemException;
import io.cmeautopilot.common.ProblemTypes;

/**
 * The file had row errors. Thrown out of the transactional service so that everything already
 * written rolls back; the client gets a problem document that also carries the report.
 */
class ImportRejectedException extends ProblemException {

    static final String SLUG = "import-rejected";

    private final transient ImportReport report;

    ImportRejectedException(ImportReport report) {
        super(422, SLUG, "Import rejected", detail(report), null);
        this.report = report;
    }

    /** RFC 9457 members first, then the report's fields as extension members. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Body(String type, String title, int status, String detail, String instance, String mode,
            boolean applied, long rows, long created, long updated, long errorCount, List<ImportError> errors) {
    }

    Body body(String instance) {
        return new Body(ProblemTypes.of(slug()), title(), status(), getMessage(), instance, report.mode(), false,
                report.rows(), report.created(), report.updated(), report.errorCount(), report.errors());
    }

    private static String detail(ImportReport report) {
        long n = report.errorCount();
        return n + (n == 1 ? " row error" : " row errors") + "; nothing was imported";
    }
}
