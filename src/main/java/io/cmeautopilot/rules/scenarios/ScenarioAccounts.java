package io.cmeautopilot.rules.scenarios;

import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.cmeautopilot.rules.api.AccountFact;
import io.cmeautopilot.rules.api.FeatureUsage;

/**
 * Builds the facts of a scenario: a healthy, established account that no starter rule fires on,
 * overridden by what the scenario states. Ratios and dates that derive from stated values
 * (seatUtilization, loginTrend, renewalDate, healthGrade...) are derived unless stated too.
 */
public final class ScenarioAccounts {

    /** The defaults, documented in docs/authoring-rules.md (Scenario tests); a scenario only states what differs. */
    public static final Map<String, Object> DEFAULTS = defaults();

    private static final Map<String, Method> SETTERS = new HashMap<>();

    static {
        for (Method m : AccountFact.Builder.class.getMethods()) {
            if (m.getParameterCount() == 1 && m.getReturnType() == AccountFact.Builder.class && !m.getName().startsWith("attribute")) {
                SETTERS.put(m.getName(), m);
            }
        }
    }

    private ScenarioAccounts() {
    }

    private static Map<String, Object> defaults() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("id", 1);
        d.put("externalId", "scenario-account");
        d.put("name", "Scenario Co");
        d.put("segment", "MID");
        d.put("tier", "gold");
        d.put("owner", "casey.cme");
        d.put("team", "emea");
        d.put("stage", "ESTABLISHED");
        d.put("daysSinceSignup", 400);
        d.put("daysSinceGoLive", 370);
        d.put("plan", "pro");
        d.put("arr", 60000.0);
        d.put("mrr", 5000.0);
        d.put("seatsPurchased", 50);
        d.put("activeUsers30d", 40);
        d.put("activeUsers7d", 35);
        d.put("usageLimit", 100000);
        d.put("usageUsed", 50000);
        d.put("daysToRenewal", 200);
        d.put("daysToLicenceExpiry", 200);
        d.put("daysSinceLastLogin", 1);
        d.put("logins7d", 60);
        d.put("logins30d", 250);
        d.put("loginsPrev30d", 240);
        d.put("featuresUsed30d", 8);
        d.put("featuresAvailable", 10);
        d.put("openTickets", 1);
        d.put("ticketsOpened30d", 2);
        d.put("criticalTickets30d", 0);
        d.put("errors7d", 10);
        d.put("errorsPrev7d", 10);
        d.put("latestNps", 9);
        d.put("npsDelta", 0);
        d.put("latestCsat", 5);
        d.put("daysSinceLastSurvey", 30);
        d.put("healthScore", 80);
        d.put("healthDelta30d", 0);
        d.put("daysSinceLastTouch", 10);
        d.put("openTaskCount", 0);
        return java.util.Collections.unmodifiableMap(d);
    }

    /** The account of a scenario; IllegalArgumentException for an unknown field or a value of the wrong type. */
    public static AccountFact account(Map<String, Object> stated, Instant asOf) {
        Map<String, Object> v = new LinkedHashMap<>(DEFAULTS);
        Map<String, Object> attributes = new LinkedHashMap<>();
        stated.forEach((key, value) -> {
            if (key.equals("attributes")) {
                if (value instanceof Map<?, ?> m) {
                    m.forEach((k, x) -> attributes.put(k.toString(), x instanceof Number n ? new BigDecimal(n.toString()) : x));
                }
            } else {
                v.put(key, value);
            }
        });
        derive(v, stated, asOf);
        AccountFact.Builder builder = AccountFact.builder().asOf(asOf).attributes(attributes);
        v.forEach((key, value) -> set(builder, key, value));
        return builder.build();
    }

    /** A FeatureUsage of the scenario's account: feature, uses30d, usesPrev30d, lastUsedDaysAgo. */
    public static FeatureUsage feature(long accountId, Map<String, Object> f) {
        Object name = f.get("feature");
        if (name == null) {
            throw new IllegalArgumentException("a feature needs a 'feature' name");
        }
        return new FeatureUsage(accountId, name.toString(), number(f.get("uses30d"), 0).longValue(),
                number(f.get("usesPrev30d"), 0).longValue(), number(f.get("lastUsedDaysAgo"), 0).intValue());
    }

    private static void derive(Map<String, Object> v, Map<String, Object> stated, Instant asOf) {
        LocalDate today = asOf.atZone(ZoneOffset.UTC).toLocalDate();
        deriveIfAbsent(v, stated, "seatsActive", () -> v.get("activeUsers30d"));
        deriveIfAbsent(v, stated, "seatUtilization", () -> ratio(v.get("seatsActive"), v.get("seatsPurchased")));
        deriveIfAbsent(v, stated, "usageVsLimit", () -> ratio(v.get("usageUsed"), v.get("usageLimit")));
        deriveIfAbsent(v, stated, "featureAdoption", () -> ratio(v.get("featuresUsed30d"), v.get("featuresAvailable")));
        deriveIfAbsent(v, stated, "loginTrend", () -> {
            Double r = ratio(v.get("logins30d"), v.get("loginsPrev30d"));
            return r == null ? null : r - 1;
        });
        deriveIfAbsent(v, stated, "renewalDate", () -> v.get("daysToRenewal") == null ? null
                : today.plusDays(((Number) v.get("daysToRenewal")).longValue()).toString());
        deriveIfAbsent(v, stated, "licenceExpiry", () -> v.get("daysToLicenceExpiry") == null ? null
                : today.plusDays(((Number) v.get("daysToLicenceExpiry")).longValue()).toString());
        deriveIfAbsent(v, stated, "healthGrade", () -> {
            if (!(v.get("healthScore") instanceof Number score)) {
                return null;
            }
            return score.intValue() >= 70 ? "GREEN" : score.intValue() >= 40 ? "YELLOW" : "RED";
        });
    }

    private static void deriveIfAbsent(Map<String, Object> v, Map<String, Object> stated, String key,
            java.util.function.Supplier<Object> value) {
        if (!stated.containsKey(key)) {
            v.put(key, value.get());
        }
    }

    private static Double ratio(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y && y.doubleValue() != 0) {
            return x.doubleValue() / y.doubleValue();
        }
        return null;
    }

    private static Number number(Object value, Number fallback) {
        return value instanceof Number n ? n : fallback;
    }

    private static void set(AccountFact.Builder builder, String key, Object value) {
        Method setter = SETTERS.get(key);
        if (setter == null || key.equals("asOf")) {
            throw new IllegalArgumentException("unknown account field '" + key + "'");
        }
        try {
            setter.invoke(builder, convert(value, setter.getParameterTypes()[0], key));
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException("cannot set account field '" + key + "' to " + value, e);
        }
    }

    @SuppressWarnings({ "unchecked", "rawtypes" })
    private static Object convert(Object value, Class<?> type, String key) {
        if (value == null) {
            if (type.isPrimitive()) {
                throw new IllegalArgumentException("account field '" + key + "' cannot be null");
            }
            return null;
        }
        try {
            if (type == Integer.class) {
                return ((Number) value).intValue();
            } else if (type == Long.class || type == long.class) {
                return ((Number) value).longValue();
            } else if (type == Double.class) {
                return ((Number) value).doubleValue();
            } else if (type == String.class) {
                return value.toString();
            } else if (type.isEnum()) {
                return Enum.valueOf((Class<Enum>) type, value.toString().toUpperCase(Locale.ROOT));
            } else if (type == LocalDate.class) {
                return LocalDate.parse(value.toString());
            }
        } catch (ClassCastException | IllegalArgumentException | java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("account field '" + key + "' must be a " + type.getSimpleName() + ", was " + value);
        }
        throw new IllegalArgumentException("account field '" + key + "' has an unsupported type " + type.getSimpleName());
    }
}
