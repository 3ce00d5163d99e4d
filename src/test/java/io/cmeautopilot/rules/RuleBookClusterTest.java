package io.cmeautopilot.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.cmeautopilot.common.Roles;
import io.cmeautopilot.rules.api.AccountFact;
import io.cmeautopilot.rules.scenarios.ScenarioAccounts;
import io.cmeautopilot.rules.scenarios.ScenarioFiles;
import io.cmeautopilot.testing.Api;
import io.cmeautopilot.testing.RulesDirectoryTestResource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Several nodes on one database. The booted service is one node (its watcher polls every second in
 * tests); the others are further {@link RuleBookService} instances built here, each with its own
 * rules directory and its own active book, sharing the database through the same history bean: the
 * code path a real second node runs, minus the HTTP server.
 */
@QuarkusTest
class RuleBookClusterTest {

    private static final Duration WATCHER = Duration.ofSeconds(30);

    @Inject
    RuleBookService service;
    @Inject
    RuleBookHolder holder;
    @Inject
    RuleEvaluator evaluator;
    @Inject
    RuleBookHistory history;
    @Inject
    Clock clock;
    @Inject
    MeterRegistry metrics;
    @Inject
    RuleBookChecks checks;

    private String original;

    @BeforeEach
    void rememberTheActiveVersion() {
        original = holder.current().orElseThrow().version();
    }

    /** This node's files are the original book: an explicit reload brings it back for everyone. */
    @AfterEach
    void restoreTheOriginalVersion() {
        assertThat(service.reload(RuleBookService.EXPLICIT, "test-cleanup").version()).isEqualTo(original);
        assertThat(history.activeVersion()).contains(original);
    }

    @Test
    void a_version_activated_on_another_node_is_followed_here_and_used_by_the_next_evaluations() throws IOException {
        RuleBookService nodeB = node("b", withExtraRule("Cluster: every account"));

        ReloadOutcome activated = nodeB.reload(RuleBookService.EXPLICIT, "ops-on-node-b");

        assertThat(activated.result()).isEqualTo("ACTIVATED");
        await().atMost(WATCHER).until(() -> holder.current().orElseThrow().version().equals(activated.version()));
        EvaluationResult result = evaluator.evaluate(List.of(account()), Map.of());
        assertThat(result.ruleBookVersion()).isEqualTo(activated.version());
        assertThat(result.proposals()).extracting(Proposal::rule).contains("Cluster: every account");
        Api.as(Api.keyWithRoles(Roles.OPS)).when().get("/api/rules").then().statusCode(200)
                .body("version", equalTo(activated.version()));
    }

    @Test
    void a_node_started_with_files_the_cluster_has_replaced_follows_the_active_version_instead() throws IOException {
        String newer = node("b", withExtraRule("Cluster: newer")).reload(RuleBookService.EXPLICIT, "ops-on-node-b").version();
        await().atMost(WATCHER).until(() -> holder.current().orElseThrow().version().equals(newer));

        // Node C is restarted from an old deployment: its files are the original book, active before "newer".
        RuleBookService nodeC = node("c", RuleFiles.drl(RulesDirectoryTestResource.DIR));
        nodeC.loadAtStartup(null);

        assertThat(nodeC.active().orElseThrow().version()).isEqualTo(newer);
        assertThat(history.activeVersion()).contains(newer);
        Api.as(Api.keyWithRoles(Roles.OPS)).when().get("/api/rules/versions?limit=1").then().statusCode(200)
                .body("items[0].version", equalTo(original))
                .body("items[0].trigger", equalTo("startup"))
                .body("items[0].result", equalTo("SUPERSEDED"))
                .body("items[0].active", equalTo(false));
        EvaluationResult here = evaluator.evaluate(List.of(account()), Map.of());
        assertThat(here.ruleBookVersion()).isEqualTo(newer);
        assertThat(here.proposals()).extracting(Proposal::rule).contains("Cluster: newer");

        // Asked explicitly, node C does bring its files back, for everyone.
        assertThat(nodeC.reload(RuleBookService.EXPLICIT, "ops-on-node-c").result()).isEqualTo("ACTIVATED");
        assertThat(history.activeVersion()).contains(original);
        await().atMost(WATCHER).until(() -> holder.current().orElseThrow().version().equals(original));
    }

    @Test
    void a_node_started_with_files_never_active_before_activates_them_for_everyone() throws IOException {
        RuleBookService nodeD = node("d", withExtraRule("Cluster: new deployment"));

        nodeD.loadAtStartup(null);

        String deployed = nodeD.active().orElseThrow().version();
        assertThat(deployed).isNotEqualTo(original);
        assertThat(history.activeVersion()).contains(deployed);
        await().atMost(WATCHER).until(() -> holder.current().orElseThrow().version().equals(deployed));
    }

    @Test
    void stale_files_touched_on_disk_do_not_undo_a_newer_activation() throws IOException {
        String newer = node("b", withExtraRule("Cluster: touched")).reload(RuleBookService.EXPLICIT, "ops-on-node-b").version();
        await().atMost(WATCHER).until(() -> holder.current().orElseThrow().version().equals(newer));

        // A tool rewrites this node's (original, now replaced) files without changing them: the watcher sees a change.
        Counter unchanged = metrics.counter("cme.rules.reloads", "result", "unchanged");
        double before = unchanged.count();
        Path file = RuleFiles.drl(RulesDirectoryTestResource.DIR).keySet().stream().findFirst()
                .map(RulesDirectoryTestResource.DIR::resolve).orElseThrow();
        Files.setLastModifiedTime(file, FileTime.from(clock.instant().plusSeconds(60)));

        await().atMost(WATCHER).until(() -> unchanged.count() > before);
        assertThat(history.activeVersion()).contains(newer);
        assertThat(holder.current().orElseThrow().version()).isEqualTo(newer);
    }

    @Test
    void an_edit_on_disk_that_brings_back_an_earlier_version_is_activated_for_everyone() throws IOException {
        Path added = RulesDirectoryTestResource.DIR.resolve("zz-cluster-edit.drl");
        try {
            Files.writeString(added, withExtraRule("Cluster: edit").get("zz-cluster.drl"));
            await().atMost(WATCHER).until(() -> !holder.current().orElseThrow().version().equals(original));
        } finally {
            Files.delete(added); // the revert: the original files, active before the edit
        }
        await().atMost(WATCHER).until(() -> holder.current().orElseThrow().version().equals(original));
        assertThat(history.activeVersion()).contains(original);
    }

    @Test
    void nodes_activating_different_versions_at_the_same_moment_leave_exactly_one_active() throws Exception {
        List<Compilation> books = List.of(Drl.compile(withExtraRule("Cluster: e")), Drl.compile(withExtraRule("Cluster: f")));
        CyclicBarrier together = new CyclicBarrier(books.size());
        ExecutorService nodes = Executors.newFixedThreadPool(books.size());
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (Compilation book : books) {
                runs.add(nodes.submit(() -> {
                    for (int i = 0; i < 20; i++) {
                        together.await();
                        history.offer(book, RuleBookService.EXPLICIT, "ops", true);
                    }
                    return null;
                }));
            }
            for (Future<?> run : runs) {
                run.get(); // rethrows, e.g. a violation of the one-active-version index
            }
        } finally {
            nodes.shutdownNow();
        }
        assertThat(history.count("active", true)).isEqualTo(1);
        assertThat(history.activeVersion().orElseThrow()).isIn(books.get(0).version(), books.get(1).version());
    }

    /** Another node: its own rules directory (with these files) and its own active book, on the shared database. */
    private RuleBookService node(String name, Map<String, String> files) throws IOException {
        Path dir = Path.of("target", "cluster-test", name + "-" + System.nanoTime());
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path target = dir.resolve(file.getKey());
            Files.createDirectories(target.getParent());
            Files.writeString(target, file.getValue());
        }
        RuleBookService node = new RuleBookService();
        node.config = new RulesConfig() {
            @Override
            public String dir() {
                return dir.toString();
            }

            @Override
            public String watchInterval() {
                return "off";
            }

            @Override
            public int maxFiringsPerAccount() {
                return 1000;
            }
        };
        node.clock = clock;
        node.holder = new RuleBookHolder();
        node.history = history;
        node.metrics = metrics;
        node.checks = checks;
        node.init();
        return node;
    }

    /** This node's files plus one rule that fires for every account. */
    private static Map<String, String> withExtraRule(String name) {
        Map<String, String> files = new java.util.TreeMap<>(RuleFiles.drl(RulesDirectoryTestResource.DIR));
        files.put("zz-cluster.drl", Drl.file("rules.cluster", """
                rule "%s"
                    @category("test")
                when
                    $a : AccountFact()
                then
                    insert(Notification.toOwner($a).template("login-dropoff").build());
                end
                """.formatted(name)));
        return files;
    }

    private static AccountFact account() {
        return ScenarioAccounts.account(Map.of("id", 1), ScenarioFiles.DEFAULT_AS_OF);
    }
}
