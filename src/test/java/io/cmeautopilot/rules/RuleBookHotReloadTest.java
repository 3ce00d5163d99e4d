package io.cmeautopilot.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.cmeautopilot.rules.api.AccountFact;
import io.cmeautopilot.rules.scenarios.ScenarioAccounts;
import io.cmeautopilot.rules.scenarios.ScenarioFiles;
import io.cmeautopilot.testing.RulesDirectoryTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A rule file changes on disk while evaluations run: the watcher picks it up, no evaluation fails,
 * each evaluation sees one version throughout, and evaluations started afterwards use the new one.
 */
@QuarkusTest
class RuleBookHotReloadTest {

    @Inject
    RuleEvaluator evaluator;
    @Inject
    RuleBookHolder holder;

    @Test
    void a_changed_rule_file_is_picked_up_while_evaluations_run_and_none_of_them_fails() throws Exception {
        String before = holder.current().orElseThrow().version();
        List<AccountFact> accounts = List.of(
                ScenarioAccounts.account(Map.of("id", 1, "daysSinceLastLogin", 20), ScenarioFiles.DEFAULT_AS_OF),
                ScenarioAccounts.account(Map.of("id", 2, "healthScore", 20, "healthDelta30d", -30), ScenarioFiles.DEFAULT_AS_OF));
        Path added = RulesDirectoryTestResource.DIR.resolve("zz-hot.drl");
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger evaluations = new AtomicInteger();
        Set<String> versionsSeen = ConcurrentHashMap.newKeySet();
        ExecutorService workers = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> loops = List.of(workers.submit(() -> evaluateUntilStopped(accounts, running, evaluations, versionsSeen)),
                    workers.submit(() -> evaluateUntilStopped(accounts, running, evaluations, versionsSeen)));
            Files.writeString(added, Drl.file("rules.hot", """
                    rule "Hot: every account"
                        @category("test")
                    when
                        $a : AccountFact()
                    then
                        insert(Notification.toOwner($a).template("login-dropoff").build());
                    end
                    """));
            await().atMost(Duration.ofSeconds(30)).until(() -> !holder.current().orElseThrow().version().equals(before));
            int atSwap = evaluations.get();
            await().atMost(Duration.ofSeconds(30)).until(() -> evaluations.get() > atSwap + 5);
            running.set(false);
            for (Future<?> loop : loops) {
                loop.get(); // rethrows any failed evaluation
            }
            EvaluationResult after = evaluator.evaluate(accounts, Map.of());
            assertThat(after.ruleBookVersion()).isNotEqualTo(before);
            assertThat(after.proposals()).extracting(Proposal::rule).contains("Hot: every account");
            assertThat(versionsSeen).contains(before, after.ruleBookVersion());
        } finally {
            running.set(false);
            workers.shutdownNow();
            Files.deleteIfExists(added);
            await().atMost(Duration.ofSeconds(30)).until(() -> holder.current().orElseThrow().version().equals(before));
        }
    }

    private Void evaluateUntilStopped(List<AccountFact> accounts, AtomicBoolean running, AtomicInteger evaluations,
            Set<String> versionsSeen) {
        while (running.get()) {
            EvaluationResult result = evaluator.evaluate(accounts, Map.of());
            assertThat(result.failures()).isEmpty();
            assertThat(result.proposals()).isNotEmpty();
            // One evaluation, one version: every proposal carries the version it started with.
            assertThat(result.proposals()).extracting(Proposal::ruleBookVersion).containsOnly(result.ruleBookVersion());
            versionsSeen.add(result.ruleBookVersion());
            evaluations.incrementAndGet();
        }
        return null;
    }
}
