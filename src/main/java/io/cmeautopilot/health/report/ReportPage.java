package io.cmeautopilot.health.report;

import java.time.LocalDate;
import java.time.ZoneOffset;

/** What the HTML page of the report shows: the report itself and its charts. */
public record ReportPage(HealthReport report, Chart health, Chart activeUsers, Chart logins, Chart features) {

    /** The last whole or partial UTC day of the period. */
    public LocalDate lastDay() {
        return LocalDate.ofInstant(report.asOf().minusNanos(1000), ZoneOffset.UTC);
    }

    public LocalDate firstDay() {
        return LocalDate.ofInstant(report.periodFrom(), ZoneOffset.UTC);
    }

    /** The share of the scorecard's weight that had data, in percent; null without a score. */
    public Long coveragePercent() {
        return report.health().current() == null ? null : Math.round(report.health().current().coverage() * 100);
    }
}
