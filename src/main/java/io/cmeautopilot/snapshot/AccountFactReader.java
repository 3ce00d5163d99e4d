package io.cmeautopilot.snapshot;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.cmeautopilot.accounts.CustomAttribute;
import io.cmeautopilot.rules.api.AccountFact;
import io.cmeautopilot.rules.api.HealthGrade;
import io.cmeautopilot.rules.api.Stage;

/** Turns one row of {@link SnapshotSql#FACTS} into an {@link AccountFact}, deriving the ratios. */
final class AccountFactReader {

    private static final TypeReference<Map<String, CustomAttribute>> ATTRIBUTES = new TypeReference<>() {
    };

    private final ObjectMapper mapper;
    private final Instant asOf;
    private final LocalDate today;

    AccountFactReader(ObjectMapper mapper, Instant asOf) {
        this.mapper = mapper;
        this.asOf = asOf;
        this.today = SnapshotWindows.dayOf(asOf);
    }

    AccountFact read(ResultSet rs) throws SQLException {
        boolean hasUsage = rs.getBoolean("has_usage");
        LocalDate goLive = date(rs, "go_live_date");
        LocalDate signup = date(rs, "signup_date");
        LocalDate renewal = date(rs, "renewal_date");
        LocalDate licenceExpiry = date(rs, "licence_expiry");
        Integer seatsPurchased = integer(rs, "seats_purchased");
        Long usageLimit = longValue(rs, "usage_limit");
        Integer featuresAvailable = integer(rs, "features_available");
        Integer active30d = hasUsage ? rs.getInt("active30d") : null;
        Long usageUsed = hasUsage ? rs.getLong("usage30d") : null;
        Integer featuresUsed = hasUsage ? rs.getInt("features30d") : null;
        Long logins30d = hasUsage ? rs.getLong("logins30d") : null;
        Long loginsPrev30d = hasUsage ? rs.getLong("logins_prev30d") : null;
        Timestamp lastLogin = rs.getTimestamp("last_login");
        Integer[] nps = integers(rs.getArray("nps"));
        Timestamp lastAnswer = rs.getTimestamp("last_answer");
        Timestamp lastTouch = rs.getTimestamp("last_touch");

        return AccountFact.builder()
                .asOf(asOf)
                .id(rs.getLong("id"))
                .externalId(rs.getString("external_id"))
                .name(rs.getString("name"))
                .segment(rs.getString("segment"))
                .tier(rs.getString("tier"))
                .owner(rs.getString("owner"))
                .team(rs.getString("team"))
                .stage(Stage.valueOf(rs.getString("stage")))
                .daysSinceSignup(signup == null ? null : (int) ChronoUnit.DAYS.between(signup, today))
                .daysSinceGoLive(goLive == null || goLive.isAfter(today) ? null : (int) ChronoUnit.DAYS.between(goLive, today))
                .attributes(attributes(rs.getString("attributes")))
                .plan(rs.getString("plan"))
                .arr(decimal(rs, "arr"))
                .mrr(decimal(rs, "mrr"))
                .seatsPurchased(seatsPurchased)
                .seatsActive(active30d)
                .seatUtilization(ratio(active30d, seatsPurchased))
                .usageLimit(usageLimit)
                .usageUsed(usageUsed)
                .usageVsLimit(ratio(usageUsed, usageLimit))
                .renewalDate(renewal)
                .daysToRenewal(renewal == null ? null : (int) ChronoUnit.DAYS.between(today, renewal))
                .licenceExpiry(licenceExpiry)
                .daysToLicenceExpiry(licenceExpiry == null ? null : (int) ChronoUnit.DAYS.between(today, licenceExpiry))
                .daysSinceLastLogin(lastLogin == null ? null : (int) Duration.between(lastLogin.toInstant(), asOf).toDays())
                .logins7d(hasUsage ? rs.getLong("logins7d") : null)
                .logins30d(logins30d)
                .loginsPrev30d(loginsPrev30d)
                .loginTrend(loginsPrev30d == null || loginsPrev30d == 0 ? null
                        : (logins30d - loginsPrev30d) / (double) loginsPrev30d)
                .activeUsers7d(hasUsage ? rs.getInt("active7d") : null)
                .activeUsers30d(active30d)
                .featuresUsed30d(featuresUsed)
                .featuresAvailable(featuresAvailable)
                .featureAdoption(ratio(featuresUsed, featuresAvailable))
                .openTickets(rs.getInt("open_tickets"))
                .ticketsOpened30d(rs.getInt("opened30d"))
                .criticalTickets30d(rs.getInt("critical30d"))
                .errors7d(hasUsage ? rs.getLong("errors7d") : null)
                .errorsPrev7d(hasUsage ? rs.getLong("errors_prev7d") : null)
                .latestNps(nps.length > 0 ? nps[0] : null)
                .npsDelta(nps.length > 1 ? nps[0] - nps[1] : null)
                .latestCsat(integer(rs, "csat"))
                .daysSinceLastSurvey(lastAnswer == null ? null : (int) Duration.between(lastAnswer.toInstant(), asOf).toDays())
                .healthScore(integer(rs, "health_score"))
                .healthGrade(rs.getString("health_grade") == null ? null : HealthGrade.valueOf(rs.getString("health_grade")))
                .healthDelta30d(integer(rs, "health_delta30d"))
                .daysSinceLastTouch(lastTouch == null ? null : (int) Duration.between(lastTouch.toInstant(), asOf).toDays())
                .openTaskCount(rs.getInt("open_tasks"))
                .build();
    }

    private Map<String, Object> attributes(String json) {
        try {
            Map<String, Object> typed = new LinkedHashMap<>();
            mapper.readValue(json, ATTRIBUTES).forEach((name, attribute) -> typed.put(name, attribute.typedValue()));
            return typed;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored attributes are not valid JSON", e);
        }
    }

    private static Double ratio(Number part, Number whole) {
        if (part == null || whole == null || whole.doubleValue() == 0) {
            return null;
        }
        return part.doubleValue() / whole.doubleValue();
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    private static Integer integer(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    private static Long longValue(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static Double decimal(ResultSet rs, String column) throws SQLException {
        BigDecimal value = rs.getBigDecimal(column);
        return value == null ? null : value.doubleValue();
    }

    private static Integer[] integers(Array array) throws SQLException {
        if (array == null) {
            return new Integer[0];
        }
        Object[] values = (Object[]) array.getArray();
        Integer[] result = new Integer[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = ((Number) values[i]).intValue();
        }
        return result;
    }
}
