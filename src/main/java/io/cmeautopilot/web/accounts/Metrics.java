package io.cmeautopilot.web.accounts;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import io.cmeautopilot.rules.api.AccountFact;
import io.cmeautopilot.web.Formats;

/**
 * The metrics the rules see, grouped as the snapshot documents them, each written for people (ratios
 * as percent, days in words) and named by its field, so a rule author finds the value a rule matched.
 */
public final class Metrics {

    /** One metric: its field in AccountFact, a label, the value as shown ("no data" when missing). */
    public record Metric(String field, String label, String value, boolean missing) {
    }

    /** A group of metrics (contract, engagement...). */
    public record Group(String name, List<Metric> metrics) {
    }

    private Metrics() {
    }

    public static List<Group> of(AccountFact f) {
        List<Group> groups = new ArrayList<>();
        groups.add(new Group("Contract", List.of(
                m("plan", "Plan", f.getPlan(), String::valueOf),
                m("arr", "ARR", f.getArr(), Formats::number),
                m("seatsPurchased", "Seats purchased", f.getSeatsPurchased(), Formats::number),
                m("seatsActive", "Seats active (30 days)", f.getSeatsActive(), Formats::number),
                m("seatUtilization", "Seat utilisation", f.getSeatUtilization(), Formats::percent),
                m("usageVsLimit", "Usage against plan limit", f.getUsageVsLimit(), Formats::percent),
                m("renewalDate", "Renewal", f.getRenewalDate(), d -> d + " (" + days(f.getDaysToRenewal()) + ")"),
                m("licenceExpiry", "Licence expiry", f.getLicenceExpiry(), d -> d + " (" + days(f.getDaysToLicenceExpiry()) + ")"))));
        groups.add(new Group("Engagement", List.of(
                m("daysSinceLastLogin", "Last login", f.getDaysSinceLastLogin(), Metrics::ago),
                m("logins7d", "Logins, 7 days", f.getLogins7d(), Formats::number),
                m("logins30d", "Logins, 30 days", f.getLogins30d(), Formats::number),
                m("loginTrend", "Login trend (vs. the 30 days before)", f.getLoginTrend(), Formats::signedPercent),
                m("activeUsers30d", "Active users, 30 days", f.getActiveUsers30d(), Formats::number),
                m("featureAdoption", "Feature adoption", f.getFeatureAdoption(), r -> Formats.percent(r) + " ("
                        + f.getFeaturesUsed30d() + " of " + f.getFeaturesAvailable() + ")"))));
        groups.add(new Group("Support", List.of(
                m("openTickets", "Open tickets", f.getOpenTickets(), Formats::number),
                m("ticketsOpened30d", "Tickets opened, 30 days", f.getTicketsOpened30d(), Formats::number),
                m("criticalTickets30d", "Critical tickets, 30 days", f.getCriticalTickets30d(), Formats::number),
                m("errors7d", "Errors, 7 days", f.getErrors7d(), e -> Formats.number(e)
                        + (f.getErrorsPrev7d() == null ? "" : " (" + Formats.number(f.getErrorsPrev7d()) + " the week before)")))));
        groups.add(new Group("Sentiment", List.of(
                m("latestNps", "Latest NPS answer", f.getLatestNps(), n -> n + (f.getNpsDelta() == null ? ""
                        : " (" + Formats.signed(f.getNpsDelta()) + ")")),
                m("latestCsat", "Latest CSAT answer", f.getLatestCsat(), c -> c + " of 5"),
                m("daysSinceLastSurvey", "Last survey answer", f.getDaysSinceLastSurvey(), Metrics::ago))));
        groups.add(new Group("Lifecycle and touch", List.of(
                m("daysSinceSignup", "Signed up", f.getDaysSinceSignup(), Metrics::ago),
                m("daysSinceGoLive", "Went live", f.getDaysSinceGoLive(), Metrics::ago),
                m("daysSinceLastTouch", "Last CME touch", f.getDaysSinceLastTouch(), Metrics::ago),
                m("openTaskCount", "Open tasks", f.getOpenTaskCount(), Formats::number))));
        return groups;
    }

    private static <T> Metric m(String field, String label, T value, Function<T, String> format) {
        return value == null ? new Metric(field, label, "no data", true) : new Metric(field, label, format.apply(value), false);
    }

    /** Whole days since (the snapshot counts 24-hour days): 0 is "within the last day", not "today". */
    static String ago(Integer days) {
        return days == null ? Formats.NONE : days == 0 ? "within the last day" : Formats.plural(days, "day") + " ago";
    }

    static String days(Integer days) {
        return days == null ? Formats.NONE : Formats.days(days);
    }
}
