package io.cmeautopilot.rules.api;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One account as the rules see it at the instant {@link #getAsOf()}: identity, contract,
 * engagement, support, sentiment and health metrics, computed by the snapshot service.
 * Immutable. Missing data is {@code null}, never a silent 0 (see each getter).
 */
public final class AccountFact {

    private final Instant asOf;
    private final Map<String, Object> attributes;
    private final long id;
    private final String externalId;
    private final String name;
    private final String segment;
    private final String tier;
    private final String owner;
    private final String team;
    private final Stage stage;
    private final Integer daysSinceSignup;
    private final Integer daysSinceGoLive;
    private final String plan;
    private final Double arr;
    private final Double mrr;
    private final Integer seatsPurchased;
    private final Integer seatsActive;
    private final Double seatUtilization;
    private final Long usageLimit;
    private final Long usageUsed;
    private final Double usageVsLimit;
    private final java.time.LocalDate renewalDate;
    private final Integer daysToRenewal;
    private final java.time.LocalDate licenceExpiry;
    private final Integer daysToLicenceExpiry;
    private final Integer daysSinceLastLogin;
    private final Long logins7d;
    private final Long logins30d;
    private final Long loginsPrev30d;
    private final Double loginTrend;
    private final Integer activeUsers7d;
    private final Integer activeUsers30d;
    private final Integer featuresUsed30d;
    private final Integer featuresAvailable;
    private final Double featureAdoption;
    private final Integer openTickets;
    private final Integer ticketsOpened30d;
    private final Integer criticalTickets30d;
    private final Long errors7d;
    private final Long errorsPrev7d;
    private final Integer latestNps;
    private final Integer npsDelta;
    private final Integer latestCsat;
    private final Integer daysSinceLastSurvey;
    private final Integer healthScore;
    private final HealthGrade healthGrade;
    private final Integer healthDelta30d;
    private final Integer daysSinceLastTouch;
    private final Integer openTaskCount;

    private AccountFact(Builder b) {
        this.asOf = b.asOf;
        this.attributes = Collections.unmodifiableMap(new LinkedHashMap<>(b.attributes));
        this.id = b.id;
        this.externalId = b.externalId;
        this.name = b.name;
        this.segment = b.segment;
        this.tier = b.tier;
        this.owner = b.owner;
        this.team = b.team;
        this.stage = b.stage;
        this.daysSinceSignup = b.daysSinceSignup;
        this.daysSinceGoLive = b.daysSinceGoLive;
        this.plan = b.plan;
        this.arr = b.arr;
        this.mrr = b.mrr;
        this.seatsPurchased = b.seatsPurchased;
        this.seatsActive = b.seatsActive;
        this.seatUtilization = b.seatUtilization;
        this.usageLimit = b.usageLimit;
        this.usageUsed = b.usageUsed;
        this.usageVsLimit = b.usageVsLimit;
        this.renewalDate = b.renewalDate;
        this.daysToRenewal = b.daysToRenewal;
        this.licenceExpiry = b.licenceExpiry;
        this.daysToLicenceExpiry = b.daysToLicenceExpiry;
        this.daysSinceLastLogin = b.daysSinceLastLogin;
        this.logins7d = b.logins7d;
        this.logins30d = b.logins30d;
        this.loginsPrev30d = b.loginsPrev30d;
        this.loginTrend = b.loginTrend;
        this.activeUsers7d = b.activeUsers7d;
        this.activeUsers30d = b.activeUsers30d;
        this.featuresUsed30d = b.featuresUsed30d;
        this.featuresAvailable = b.featuresAvailable;
        this.featureAdoption = b.featureAdoption;
        this.openTickets = b.openTickets;
        this.ticketsOpened30d = b.ticketsOpened30d;
        this.criticalTickets30d = b.criticalTickets30d;
        this.errors7d = b.errors7d;
        this.errorsPrev7d = b.errorsPrev7d;
        this.latestNps = b.latestNps;
        this.npsDelta = b.npsDelta;
        this.latestCsat = b.latestCsat;
        this.daysSinceLastSurvey = b.daysSinceLastSurvey;
        this.healthScore = b.healthScore;
        this.healthGrade = b.healthGrade;
        this.healthDelta30d = b.healthDelta30d;
        this.daysSinceLastTouch = b.daysSinceLastTouch;
        this.openTaskCount = b.openTaskCount;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The instant the metrics were computed for. */
    public Instant getAsOf() {
        return asOf;
    }

    /**
     * Custom attributes by name: String, java.math.BigDecimal, Boolean or java.time.LocalDate
     * values, as typed when imported ({@code attributes["Contract"] == "Enterprise"}).
     */
    public Map<String, Object> getAttributes() {
        return attributes;
    }

    /** Internal account id. */
    public long getId() {
        return id;
    }

    /** The client's key for the account. */
    public String getExternalId() {
        return externalId;
    }

    /** Account name. */
    public String getName() {
        return name;
    }

    /** Segment (e.g. SMB, MID, ENT); null when not set. */
    public String getSegment() {
        return segment;
    }

    /** Tier; null when not set. */
    public String getTier() {
        return tier;
    }

    /** Owning CME's user name; null when unassigned. */
    public String getOwner() {
        return owner;
    }

    /** CME team; null when not set. */
    public String getTeam() {
        return team;
    }

    /** Lifecycle stage. */
    public Stage getStage() {
        return stage;
    }

    /** Whole days from the signup date to asOf; null without a signup date. */
    public Integer getDaysSinceSignup() {
        return daysSinceSignup;
    }

    /** Whole days from the go-live date to asOf; null before go-live or without one. */
    public Integer getDaysSinceGoLive() {
        return daysSinceGoLive;
    }

    /** Plan of the largest current subscription (by ARR); null without a current subscription. */
    public String getPlan() {
        return plan;
    }

    /** Sum of ARR over current subscriptions; null when none states it. */
    public Double getArr() {
        return arr;
    }

    /** Sum of MRR over current subscriptions; null when none states it. */
    public Double getMrr() {
        return mrr;
    }

    /** Seats purchased over current subscriptions; null when none states it. */
    public Integer getSeatsPurchased() {
        return seatsPurchased;
    }

    /** Distinct active users in the last 30 days (same as activeUsers30d). */
    public Integer getSeatsActive() {
        return seatsActive;
    }

    /** seatsActive / seatsPurchased; null when either is unknown or no seats were purchased. */
    public Double getSeatUtilization() {
        return seatUtilization;
    }

    /** Monthly usage limit (API calls or units) over current subscriptions; null when none states it. */
    public Long getUsageLimit() {
        return usageLimit;
    }

    /** Quantity of api_call events in the last 30 days; null without usage data. */
    public Long getUsageUsed() {
        return usageUsed;
    }

    /** usageUsed / usageLimit; null when either is unknown or the limit is 0. */
    public Double getUsageVsLimit() {
        return usageVsLimit;
    }

    /** Next renewal date on or after asOf among current subscriptions; null when none. */
    public java.time.LocalDate getRenewalDate() {
        return renewalDate;
    }

    /** Days from asOf to renewalDate; null when there is none. */
    public Integer getDaysToRenewal() {
        return daysToRenewal;
    }

    /** Earliest licence/permission expiry among current subscriptions; may lie in the past. */
    public java.time.LocalDate getLicenceExpiry() {
        return licenceExpiry;
    }

    /** Days from asOf to licenceExpiry (negative once expired); null when none. */
    public Integer getDaysToLicenceExpiry() {
        return daysToLicenceExpiry;
    }

    /** Whole days since the last login before asOf; null when there never was one. */
    public Integer getDaysSinceLastLogin() {
        return daysSinceLastLogin;
    }

    /** Logins in [asOf-7d, asOf); null when the account has no usage data at all. */
    public Long getLogins7d() {
        return logins7d;
    }

    /** Logins in [asOf-30d, asOf); null without usage data. */
    public Long getLogins30d() {
        return logins30d;
    }

    /** Logins in [asOf-60d, asOf-30d); null without usage data. */
    public Long getLoginsPrev30d() {
        return loginsPrev30d;
    }

    /** (logins30d - loginsPrev30d) / loginsPrev30d, e.g. -0.5 for a halving; null when loginsPrev30d is 0 or unknown. */
    public Double getLoginTrend() {
        return loginTrend;
    }

    /** Distinct users with any event in the last 7 days; null without usage data. */
    public Integer getActiveUsers7d() {
        return activeUsers7d;
    }

    /** Distinct users with any event in the last 30 days; null without usage data. */
    public Integer getActiveUsers30d() {
        return activeUsers30d;
    }

    /** Distinct features used in the last 30 days; null without usage data. */
    public Integer getFeaturesUsed30d() {
        return featuresUsed30d;
    }

    /** Features in the plan (largest over current subscriptions); null when unknown. */
    public Integer getFeaturesAvailable() {
        return featuresAvailable;
    }

    /** featuresUsed30d / featuresAvailable; null when either is unknown or none are available. */
    public Double getFeatureAdoption() {
        return featureAdoption;
    }

    /** Support tickets open at asOf (last event before asOf not 'closed'). */
    public Integer getOpenTickets() {
        return openTickets;
    }

    /** Tickets opened in the last 30 days. */
    public Integer getTicketsOpened30d() {
        return ticketsOpened30d;
    }

    /** Tickets opened in the last 30 days whose severity at asOf is critical. */
    public Integer getCriticalTickets30d() {
        return criticalTickets30d;
    }

    /** Error events in the last 7 days; null without usage data. */
    public Long getErrors7d() {
        return errors7d;
    }

    /** Error events in [asOf-14d, asOf-7d); null without usage data. */
    public Long getErrorsPrev7d() {
        return errorsPrev7d;
    }

    /** Score (0-10) of the latest NPS answer before asOf; null when none. */
    public Integer getLatestNps() {
        return latestNps;
    }

    /** latestNps minus the NPS answer before it; null with fewer than two answers. */
    public Integer getNpsDelta() {
        return npsDelta;
    }

    /** Score (1-5) of the latest CSAT answer before asOf; null when none. */
    public Integer getLatestCsat() {
        return latestCsat;
    }

    /** Days since the latest survey answer of either kind; null when none. */
    public Integer getDaysSinceLastSurvey() {
        return daysSinceLastSurvey;
    }

    /** Health score 0-100; null until a scorecard has scored the account. */
    public Integer getHealthScore() {
        return healthScore;
    }

    /** GREEN / YELLOW / RED; null until scored. */
    public HealthGrade getHealthGrade() {
        return healthGrade;
    }

    /** Change of the health score over 30 days; null without history. */
    public Integer getHealthDelta30d() {
        return healthDelta30d;
    }

    /** Days since a CME last completed a task on the account; null when never. */
    public Integer getDaysSinceLastTouch() {
        return daysSinceLastTouch;
    }

    /** Open CME tasks on the account (OPEN, IN_PROGRESS or SNOOZED), made before the facts' instant. */
    public Integer getOpenTaskCount() {
        return openTaskCount;
    }

    @Override
    public String toString() {
        return "AccountFact{" + externalId + " as of " + asOf + "}";
    }

    /** Builds an {@link AccountFact}; used by the snapshot service and by rule tests. */
    public static final class Builder {

        private Instant asOf;
        private final Map<String, Object> attributes = new LinkedHashMap<>();
        private long id;
        private String externalId;
        private String name;
        private String segment;
        private String tier;
        private String owner;
        private String team;
        private Stage stage;
        private Integer daysSinceSignup;
        private Integer daysSinceGoLive;
        private String plan;
        private Double arr;
        private Double mrr;
        private Integer seatsPurchased;
        private Integer seatsActive;
        private Double seatUtilization;
        private Long usageLimit;
        private Long usageUsed;
        private Double usageVsLimit;
        private java.time.LocalDate renewalDate;
        private Integer daysToRenewal;
        private java.time.LocalDate licenceExpiry;
        private Integer daysToLicenceExpiry;
        private Integer daysSinceLastLogin;
        private Long logins7d;
        private Long logins30d;
        private Long loginsPrev30d;
        private Double loginTrend;
        private Integer activeUsers7d;
        private Integer activeUsers30d;
        private Integer featuresUsed30d;
        private Integer featuresAvailable;
        private Double featureAdoption;
        private Integer openTickets;
        private Integer ticketsOpened30d;
        private Integer criticalTickets30d;
        private Long errors7d;
        private Long errorsPrev7d;
        private Integer latestNps;
        private Integer npsDelta;
        private Integer latestCsat;
        private Integer daysSinceLastSurvey;
        private Integer healthScore;
        private HealthGrade healthGrade;
        private Integer healthDelta30d;
        private Integer daysSinceLastTouch;
        private Integer openTaskCount;

        private Builder() {
        }

        public Builder asOf(Instant value) {
            this.asOf = value;
            return this;
        }

        public Builder attribute(String name, Object value) {
            this.attributes.put(name, value);
            return this;
        }

        public Builder attributes(Map<String, Object> values) {
            this.attributes.putAll(values);
            return this;
        }

        public Builder id(long value) {
            this.id = value;
            return this;
        }

        public Builder externalId(String value) {
            this.externalId = value;
            return this;
        }

        public Builder name(String value) {
            this.name = value;
            return this;
        }

        public Builder segment(String value) {
            this.segment = value;
            return this;
        }

        public Builder tier(String value) {
            this.tier = value;
            return this;
        }

        public Builder owner(String value) {
            this.owner = value;
            return this;
        }

        public Builder team(String value) {
            this.team = value;
            return this;
        }

        public Builder stage(Stage value) {
            this.stage = value;
            return this;
        }

        public Builder daysSinceSignup(Integer value) {
            this.daysSinceSignup = value;
            return this;
        }

        public Builder daysSinceGoLive(Integer value) {
            this.daysSinceGoLive = value;
            return this;
        }

        public Builder plan(String value) {
            this.plan = value;
            return this;
        }

        public Builder arr(Double value) {
            this.arr = value;
            return this;
        }

        public Builder mrr(Double value) {
            this.mrr = value;
            return this;
        }

        public Builder seatsPurchased(Integer value) {
            this.seatsPurchased = value;
            return this;
        }

        public Builder seatsActive(Integer value) {
            this.seatsActive = value;
            return this;
        }

        public Builder seatUtilization(Double value) {
            this.seatUtilization = value;
            return this;
        }

        public Builder usageLimit(Long value) {
            this.usageLimit = value;
            return this;
        }

        public Builder usageUsed(Long value) {
            this.usageUsed = value;
            return this;
        }

        public Builder usageVsLimit(Double value) {
            this.usageVsLimit = value;
            return this;
        }

        public Builder renewalDate(java.time.LocalDate value) {
            this.renewalDate = value;
            return this;
        }

        public Builder daysToRenewal(Integer value) {
            this.daysToRenewal = value;
            return this;
        }

        public Builder licenceExpiry(java.time.LocalDate value) {
            this.licenceExpiry = value;
            return this;
        }

        public Builder daysToLicenceExpiry(Integer value) {
            this.daysToLicenceExpiry = value;
            return this;
        }

        public Builder daysSinceLastLogin(Integer value) {
            this.daysSinceLastLogin = value;
            return this;
        }

        public Builder logins7d(Long value) {
            this.logins7d = value;
            return this;
        }

        public Builder logins30d(Long value) {
            this.logins30d = value;
            return this;
        }

        public Builder loginsPrev30d(Long value) {
            this.loginsPrev30d = value;
            return this;
        }

        public Builder loginTrend(Double value) {
            this.loginTrend = value;
            return this;
        }

        public Builder activeUsers7d(Integer value) {
            this.activeUsers7d = value;
            return this;
        }

        public Builder activeUsers30d(Integer value) {
            this.activeUsers30d = value;
            return this;
        }

        public Builder featuresUsed30d(Integer value) {
            this.featuresUsed30d = value;
            return this;
        }

        public Builder featuresAvailable(Integer value) {
            this.featuresAvailable = value;
            return this;
        }

        public Builder featureAdoption(Double value) {
            this.featureAdoption = value;
            return this;
        }

        public Builder openTickets(Integer value) {
            this.openTickets = value;
            return this;
        }

        public Builder ticketsOpened30d(Integer value) {
            this.ticketsOpened30d = value;
            return this;
        }

        public Builder criticalTickets30d(Integer value) {
            this.criticalTickets30d = value;
            return this;
        }

        public Builder errors7d(Long value) {
            this.errors7d = value;
            return this;
        }

        public Builder errorsPrev7d(Long value) {
            this.errorsPrev7d = value;
            return this;
        }

        public Builder latestNps(Integer value) {
            this.latestNps = value;
            return this;
        }

        public Builder npsDelta(Integer value) {
            this.npsDelta = value;
            return this;
        }

        public Builder latestCsat(Integer value) {
            this.latestCsat = value;
            return this;
        }

        public Builder daysSinceLastSurvey(Integer value) {
            this.daysSinceLastSurvey = value;
            return this;
        }

        public Builder healthScore(Integer value) {
            this.healthScore = value;
            return this;
        }

        public Builder healthGrade(HealthGrade value) {
            this.healthGrade = value;
            return this;
        }

        public Builder healthDelta30d(Integer value) {
            this.healthDelta30d = value;
            return this;
        }

        public Builder daysSinceLastTouch(Integer value) {
            this.daysSinceLastTouch = value;
            return this;
        }

        public Builder openTaskCount(Integer value) {
            this.openTaskCount = value;
            return this;
        }

        public AccountFact build() {
            if (asOf == null || externalId == null || stage == null) {
                throw new IllegalStateException("asOf, externalId and stage are required");
            }
            return new AccountFact(this);
        }
    }
}
