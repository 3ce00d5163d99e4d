package io.cmeautopilot.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.cmeautopilot.rules.api.AccountFact;
import io.cmeautopilot.rules.api.FeatureUsage;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The snapshot reads roll-ups for whole days and raw events for edge days; this compares it with a
 * naive computation over the raw events, for random events and random instants of day.
 */
@QuarkusTest
class SnapshotConsistencyTest {

    record Event(long account, String type, String user, String feature, long quantity, Instant at) {
    }

    @Inject
    SnapshotService snapshots;

    @Test
    void snapshot_agrees_with_a_naive_count_over_raw_events_at_random_instants() {
        Random random = new Random(42);
        Instant base = Instant.parse("2026-05-20T00:00:00Z");
        List<Event> events = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        String[] types = { "login", "feature_use", "api_call", "error" };
        for (int a = 0; a < 3; a++) {
            long id = Fixtures.account(Map.of());
            String ext = Fixtures.externalId(id);
            ids.add(id);
            List<Map<String, Object>> batch = new ArrayList<>();
            for (int i = 0; i < 1500; i++) {
                String type = types[random.nextInt(types.length)];
                Instant at = base.minus(Duration.ofSeconds(random.nextLong(75L * 86_400))).plusSeconds(5 * 86_400);
                String user = random.nextInt(10) == 0 ? null : "user" + random.nextInt(8);
                String feature = type.equals("feature_use") ? "f" + random.nextInt(5) : null;
                long quantity = 1 + random.nextInt(20);
                events.add(new Event(id, type, user, feature, quantity, at));
                batch.add(Fixtures.usage(ext, type, at, user, feature, quantity));
            }
            Fixtures.post("/api/signals/usage-events", batch);
        }
        for (int round = 0; round < 8; round++) {
            Instant asOf = base.minusSeconds(3 * 86_400).plusSeconds(random.nextLong(6L * 86_400));
            List<AccountFact> facts = snapshots.facts(ids, asOf);
            Map<Long, List<FeatureUsage>> features = snapshots.featureUsage(ids, asOf);
            assertThat(facts).hasSize(3);
            for (AccountFact fact : facts) {
                List<Event> mine = events.stream().filter(e -> e.account() == fact.getId()).toList();
                Reference ref = new Reference(mine, asOf);
                String at = "account " + fact.getId() + " as of " + asOf;
                assertThat(fact.getLogins7d()).as(at).isEqualTo(ref.count("login", 7, 0));
                assertThat(fact.getLogins30d()).as(at).isEqualTo(ref.count("login", 30, 0));
                assertThat(fact.getLoginsPrev30d()).as(at).isEqualTo(ref.count("login", 60, 30));
                assertThat(fact.getErrors7d()).as(at).isEqualTo(ref.count("error", 7, 0));
                assertThat(fact.getErrorsPrev7d()).as(at).isEqualTo(ref.count("error", 14, 7));
                assertThat(fact.getUsageUsed()).as(at).isEqualTo(ref.quantity("api_call", 30, 0));
                assertThat(fact.getActiveUsers7d()).as(at).isEqualTo(ref.users(7));
                assertThat(fact.getActiveUsers30d()).as(at).isEqualTo(ref.users(30));
                assertThat(fact.getFeaturesUsed30d()).as(at).isEqualTo(ref.features(30));
                assertThat(fact.getDaysSinceLastLogin()).as(at).isEqualTo(ref.daysSinceLast("login"));
                Map<String, Long> uses = new HashMap<>();
                features.getOrDefault(fact.getId(), List.of()).forEach(f -> uses.put(f.getFeature(), f.getUses30d()));
                for (int f = 0; f < 5; f++) {
                    String name = "f" + f;
                    long expected = ref.countWhere(e -> name.equals(e.feature()), 30, 0);
                    assertThat(uses.getOrDefault(name, 0L)).as(at + " " + name).isEqualTo(expected);
                }
            }
        }
    }

    private record Reference(List<Event> events, Instant asOf) {

        boolean in(Event e, int fromDays, int toDays) {
            return !e.at().isBefore(asOf.minus(Duration.ofDays(fromDays))) && e.at().isBefore(asOf.minus(Duration.ofDays(toDays)));
        }

        long countWhere(Predicate<Event> filter, int from, int to) {
            return events.stream().filter(filter).filter(e -> in(e, from, to)).count();
        }

        long count(String type, int from, int to) {
            return countWhere(e -> e.type().equals(type), from, to);
        }

        long quantity(String type, int from, int to) {
            return events.stream().filter(e -> e.type().equals(type) && in(e, from, to)).mapToLong(Event::quantity).sum();
        }

        int users(int days) {
            return (int) events.stream().filter(e -> e.user() != null && in(e, days, 0)).map(Event::user).distinct().count();
        }

        int features(int days) {
            return (int) events.stream().filter(e -> e.feature() != null && in(e, days, 0)).map(Event::feature).distinct().count();
        }

        Integer daysSinceLast(String type) {
            return events.stream().filter(e -> e.type().equals(type) && e.at().isBefore(asOf)).map(Event::at)
                    .max(Instant::compareTo).map(last -> (int) Duration.between(last, asOf).toDays()).orElse(null);
        }
    }
}
