package io.cmeautopilot.health.scorecard;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import io.cmeautopilot.rules.api.AccountFact;

/**
 * The metrics a scorecard measure may score: the numeric {@link AccountFact} fields (as the rules
 * see them, same windows and same nulls for missing data) and one derived metric, {@code errorTrend}.
 * The health fields themselves are not metrics (a score may not depend on itself).
 */
public final class Metrics {

    private static final Map<String, Function<AccountFact, Number>> ALL = new LinkedHashMap<>();

    static {
        ALL.put("daysSinceLastLogin", AccountFact::getDaysSinceLastLogin);
        ALL.put("logins7d", AccountFact::getLogins7d);
        ALL.put("logins30d", AccountFact::getLogins30d);
        ALL.put("loginTrend", AccountFact::getLoginTrend);
        ALL.put("activeUsers7d", AccountFact::getActiveUsers7d);
        ALL.put("activeUsers30d", AccountFact::getActiveUsers30d);
        ALL.put("seatUtilization", AccountFact::getSeatUtilization);
        ALL.put("featuresUsed30d", AccountFact::getFeaturesUsed30d);
        ALL.put("featureAdoption", AccountFact::getFeatureAdoption);
        ALL.put("openTickets", AccountFact::getOpenTickets);
        ALL.put("ticketsOpened30d", AccountFact::getTicketsOpened30d);
        ALL.put("criticalTickets30d", AccountFact::getCriticalTickets30d);
        ALL.put("errors7d", AccountFact::getErrors7d);
        ALL.put("errorTrend", Metrics::errorTrend);
        ALL.put("latestNps", AccountFact::getLatestNps);
        ALL.put("npsDelta", AccountFact::getNpsDelta);
        ALL.put("latestCsat", AccountFact::getLatestCsat);
        ALL.put("daysSinceLastSurvey", AccountFact::getDaysSinceLastSurvey);
        ALL.put("usageVsLimit", AccountFact::getUsageVsLimit);
        ALL.put("daysToRenewal", AccountFact::getDaysToRenewal);
        ALL.put("daysToLicenceExpiry", AccountFact::getDaysToLicenceExpiry);
        ALL.put("daysSinceSignup", AccountFact::getDaysSinceSignup);
        ALL.put("daysSinceGoLive", AccountFact::getDaysSinceGoLive);
    }

    private Metrics() {
    }

    public static Set<String> names() {
        return ALL.keySet();
    }

    static boolean known(String name) {
        return ALL.containsKey(name);
    }

    /** The metric's value for the account, or null when the account has no data for it. */
    public static Double value(String metric, AccountFact fact) {
        Number n = ALL.get(metric).apply(fact);
        return n == null ? null : n.doubleValue();
    }

    /**
     * Errors of the last 7 days against the 7 before, as a relative change: (errors7d - errorsPrev7d)
     * / max(errorsPrev7d, 1). So 0 errors after 0 is 0 (steady), and 5 after 0 is +5.0, not a
     * division by zero. Null without usage data.
     */
    static Double errorTrend(AccountFact fact) {
        if (fact.getErrors7d() == null || fact.getErrorsPrev7d() == null) {
            return null;
        }
        return (fact.getErrors7d() - fact.getErrorsPrev7d()) / (double) Math.max(fact.getErrorsPrev7d(), 1L);
    }
}
