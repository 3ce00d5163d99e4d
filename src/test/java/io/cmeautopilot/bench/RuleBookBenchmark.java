package io.cmeautopilot.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.cmeautopilot.rules.Compilation;
import io.cmeautopilot.rules.RuleBook;
import io.cmeautopilot.rules.RuleBookCompiler;
import io.cmeautopilot.rules.RuleEngine;
import io.cmeautopilot.rules.RuleFiles;
import io.cmeautopilot.rules.api.AccountFact;
import io.cmeautopilot.rules.api.HealthGrade;
import io.cmeautopilot.rules.api.Stage;
import io.cmeautopilot.rules.api.Task;

/**
 * Compile time and retained heap of generated rule books (100 / 1,000 / 5,000 rules), and engine
 * throughput for 100,000 in-memory accounts against the starter book and 100 generated rules,
 * next to a hand-written Java evaluation of the same 100 conditions (the floor). Plain JUnit, one
 * thread. Run: ./mvnw verify -Pbench (results in target/bench/rules.md).
 */
@Tag("bench")
class RuleBookBenchmark {

    private static final int ACCOUNTS = Integer.getInteger("bench.rules.accounts", 100_000);
    private static final int CHUNK = 10_000;
    private static final Instant AS_OF = Instant.parse("2026-06-01T00:00:00Z");
    private final RuleBookCompiler compiler = new RuleBookCompiler(Clock.systemUTC());

    @Test
    void rule_book_compile_time_and_engine_throughput() throws Exception {
        BenchReport report = new BenchReport("Rule book: compile and evaluate (" + Runtime.getRuntime().availableProcessors() + " cores)");
        for (int n : new int[] { 100, 1_000, 5_000 }) {
            long heapBefore = usedHeap();
            long t = System.nanoTime();
            Compilation c = compiler.compile(Map.of("generated.drl", generated(n)));
            long nanos = System.nanoTime() - t;
            long heap = usedHeap() - heapBefore;
            assertThat(c.errors()).isEmpty(); // after measuring, so that the book is still held

            report.row("compile " + n + " rules", BenchReport.seconds(nanos), String.format("retained heap ~%d MB", heap >> 20));
        }
        List<AccountFact> accounts = accounts();
        RuleEngine engine = new RuleEngine(1000);
        RuleBook starter = compiler.compile(RuleFiles.drl(Path.of("rules"))).book().orElseThrow();
        RuleBook hundred = compiler.compile(Map.of("generated.drl", generated(100))).book().orElseThrow();
        evaluate(engine, starter, accounts); // warm-up
        evaluate(engine, hundred, accounts);
        floor(accounts);
        long starterNanos = time(() -> evaluate(engine, starter, accounts));
        long[] proposals = new long[1];
        long hundredNanos = time(() -> proposals[0] = evaluate(engine, hundred, accounts));
        long[] floorProposals = new long[1];
        long floorNanos = time(() -> floorProposals[0] = floor(accounts));
        assertThat(proposals[0]).isEqualTo(floorProposals[0]);
        report.row("engine, starter book (" + starter.rules().size() + " rules)", BenchReport.perSecond(ACCOUNTS, starterNanos),
                ACCOUNTS + " accounts in sessions of " + CHUNK);
        report.row("engine, 100 generated rules", BenchReport.perSecond(ACCOUNTS, hundredNanos), proposals[0] + " proposals with evidence");
        report.row("plain Java, same 100 conditions (floor)", BenchReport.perSecond(ACCOUNTS, floorNanos),
                String.format("engine / floor = %.1fx", (double) hundredNanos / floorNanos));
        report.print("rules.md");
    }

    private static long evaluate(RuleEngine engine, RuleBook book, List<AccountFact> accounts) {
        long proposals = 0;
        for (int i = 0; i < accounts.size(); i += CHUNK) {
            proposals += engine.evaluate(book, accounts.subList(i, Math.min(i + CHUNK, accounts.size())), Map.of()).proposals().size();
        }
        return proposals;
    }

    /** The generated rules' conditions, written by hand: what the engine must not be far from. */
    private static long floor(List<AccountFact> accounts) {
        List<Task> out = new ArrayList<>();
        for (AccountFact a : accounts) {
            for (int i = 0; i < 100; i++) {
                if (a.getDaysSinceLastLogin() != null && a.getDaysSinceLastLogin() >= loginThreshold(i)
                        && a.getHealthScore() != null && a.getHealthScore() < healthThreshold(i)) {
                    out.add(Task.forAccount(a).type("custom").title("g" + i).build());
                }
            }
        }
        return out.size();
    }

    private static int loginThreshold(int i) {
        return 20 + i % 40;
    }

    private static int healthThreshold(int i) {
        return 5 + i % 30;
    }

    static String generated(int n) {
        StringBuilder drl = new StringBuilder("package rules.generated\n\nimport io.cmeautopilot.rules.api.*\n\n");
        for (int i = 0; i < n; i++) {
            drl.append("rule \"Generated ").append(i).append("\"\n    @category(\"bench\")\nwhen\n")
                    .append("    $a : AccountFact( daysSinceLastLogin != null, daysSinceLastLogin >= ").append(loginThreshold(i))
                    .append(", healthScore != null, healthScore < ").append(healthThreshold(i)).append(" )\nthen\n")
                    .append("    insert(Task.forAccount($a).type(\"custom\").title(\"g").append(i).append("\").build());\nend\n\n");
        }
        return drl.toString();
    }

    private static List<AccountFact> accounts() {
        Random random = new Random(42);
        List<AccountFact> accounts = new ArrayList<>(ACCOUNTS);
        for (int i = 1; i <= ACCOUNTS; i++) {
            int health = random.nextInt(101);
            int seats = 10 + random.nextInt(90);
            int active = random.nextInt(seats + 1);
            accounts.add(AccountFact.builder().asOf(AS_OF).id(i).externalId("b-" + i).name("Bench " + i)
                    .stage(Stage.values()[random.nextInt(5)]).daysSinceSignup(30 + random.nextInt(700))
                    .daysSinceGoLive(random.nextInt(600)).seatsPurchased(seats).seatsActive(active)
                    .seatUtilization((double) active / seats).daysSinceLastLogin(random.nextInt(60))
                    .logins30d((long) random.nextInt(300)).loginsPrev30d((long) 1 + random.nextInt(300))
                    .loginTrend(random.nextDouble() * 2 - 1).latestNps(random.nextInt(11)).daysSinceLastSurvey(random.nextInt(90))
                    .healthScore(health).healthGrade(health >= 70 ? HealthGrade.GREEN : health >= 40 ? HealthGrade.YELLOW : HealthGrade.RED)
                    .healthDelta30d(random.nextInt(41) - 20).daysToRenewal(random.nextInt(365)).daysSinceLastTouch(random.nextInt(60))
                    .criticalTickets30d(random.nextInt(4)).errors7d((long) random.nextInt(100)).errorsPrev7d((long) random.nextInt(100))
                    .build());
        }
        return accounts;
    }

    private static long time(Runnable work) {
        long t = System.nanoTime();
        work.run();
        return System.nanoTime() - t;
    }

    private static long usedHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }
}
