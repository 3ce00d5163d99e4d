package io.cmeautopilot.health;

import static io.cmeautopilot.snapshot.Fixtures.days;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.cmeautopilot.snapshot.Fixtures;

/**
 * An account whose every starter-scorecard measure is known, so its score can be computed by hand
 * (see {@link #HEALTHY_SCORE}), and the signals that make it fall 31 days later ({@link #FALLEN_SCORE}).
 */
public final class HealthFixture {

    /**
     * As of t0: logins 10 vs 10 (trend 0 -> 80 points), 5 of 10 seats active (0.5 -> 60), 2 of 4
     * features (0.5 -> 73.33), no critical (100) or open tickets (100), no errors (trend 0 -> 100),
     * NPS 9 (100), CSAT 4 (75), 600 of 1000 usage (0.6 -> 100), renewal in 200 days (100):
     * (15*80 + 15*60 + 15*73.33 + 10*100 + 5*100 + 5*100 + 10*100 + 5*75 + 10*100 + 10*100) / 100 = 85.75 -> 86.
     */
    public static final int HEALTHY_SCORE = 86;

    /**
     * As of t0 + 31 days, after {@link #fall}: logins 5 vs 10 (-0.5 -> 0), 2 of 10 seats (0.2 -> 15),
     * no feature (0), 3 critical tickets (30), 3 open (87.5), no errors (100), NPS 3 (10), CSAT 4 (75),
     * no usage (0), renewal in 169 days (100): 2937.5 / 100 = 29.375 -> 29.
     */
    public static final int FALLEN_SCORE = 29;

    public final long id;
    public final String externalId;

    private HealthFixture(long id, String externalId) {
        this.id = id;
        this.externalId = externalId;
    }

    /** The account with its contract and signals up to {@code t0}, owned by {@code owner} of {@code team}. */
    public static HealthFixture healthy(Instant t0, String owner, String team) {
        long id = Fixtures.account(Map.of("segment", "MID", "owner", owner, "team", team, "stage", "ESTABLISHED",
                "signupDate", "2025-01-01", "goLiveDate", "2025-02-01"));
        String ext = Fixtures.externalId(id);
        LocalDate renewal = LocalDate.ofInstant(t0, ZoneOffset.UTC).plusDays(200);
        Fixtures.subscription(id, "main", Map.of("plan", "pro", "status", "ACTIVE", "seatsPurchased", 10,
                "usageLimit", 1000, "featuresAvailable", 4, "arr", 12000, "renewalDate", renewal.toString()));
        List<Map<String, Object>> usage = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            usage.add(Fixtures.usage(ext, "login", days(t0, -31 - i), "old" + (i % 3), null, 1));   // the 30 days before
            usage.add(Fixtures.usage(ext, "login", days(t0, -2 - i), "u" + (i % 5), null, 1));      // the last 30 days
        }
        usage.add(Fixtures.usage(ext, "feature_use", days(t0, -3), "u1", "reports", 1));
        usage.add(Fixtures.usage(ext, "feature_use", days(t0, -4), "u1", "reports", 1));
        usage.add(Fixtures.usage(ext, "feature_use", days(t0, -5), "u2", "export", 1));
        usage.add(Fixtures.usage(ext, "api_call", days(t0, -6), null, null, 600));
        Fixtures.post("/api/signals/usage-events", usage);
        Fixtures.post("/api/signals/surveys", List.of(Fixtures.survey(ext, "nps", 9, days(t0, -10)),
                Fixtures.survey(ext, "csat", 4, days(t0, -9))));
        return new HealthFixture(id, ext);
    }

    /** Signals of the 30 days before {@code t1} (= t0 + 31 days) that make the score fall. */
    public void fall(Instant t1) {
        List<Map<String, Object>> usage = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            usage.add(Fixtures.usage(externalId, "login", days(t1, -5 + i * 0.5), "u" + (i % 2), null, 1));
        }
        Fixtures.post("/api/signals/usage-events", usage);
        Fixtures.post("/api/signals/tickets", List.of(
                Fixtures.ticket(externalId, "T1", "opened", "critical", days(t1, -2)),
                Fixtures.ticket(externalId, "T2", "opened", "critical", days(t1, -2)),
                Fixtures.ticket(externalId, "T3", "opened", "critical", days(t1, -1))));
        Fixtures.post("/api/signals/surveys", List.of(Fixtures.survey(externalId, "nps", 3, days(t1, -1))));
    }
}
