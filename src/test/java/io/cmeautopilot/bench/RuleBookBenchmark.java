package io.cmeautopilot.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.cmeautopilot.rules.BareDrools;
import io.cmeautopilot.rules.Compilation;
import io.cmeautopilot.rules.KieBaseVariants;
import io.cmeautopilot.rules.Proposal;
import io.cmeautopilot.rules.RuleBook;
import io.cmeautopilot.rules.RuleBookCompiler;
import io.cmeautopilot.rules.RuleEngine;
import io.cmeautopilot.rules.RuleFiles;
import io.cmeautopilot.rules.api.AccountFact;
import io.cmeautopilot.rules.api.HealthGrade;
import io.cmeautopilot.rules.api.ProposedAction;
import io.cmeautopilot.rules.api.Stage;
import io.cmeautopilot.rules.api.Task;

/**
 * Compile time and retained heap of generated rule books (100 / 1,000 / 5,000 rules), and engine
 * throughput for 100,000 in-memory accounts against the starter book and two books of 100 generated
 * rules, each next to a hand-written Java evaluation of the same conditions that builds the same
 * actions with the same builders (the floor):
 * <ul>
 * <li><b>heavy</b>: {@code daysSinceLastLogin >= N, healthScore < M}, about 7 proposals per account
 * (a stress case: every firing pays for attribution);</li>
 * <li><b>sparse</b>: the same plus {@code daysToRenewal < R}, each rule matching about 0.5% of the
 * accounts, well under one proposal per account (what a real book does).</li>
 * </ul>
 * Plain JUnit, one thread; each measure is the best of several rounds after a warm-up round, because
 * the machine is shared. Run: ./mvnw verify -Pbench -Dtest=RuleBookBenchmark (results in
 * target/bench/rules.md).
 */
@Tag("bench")
class RuleBookBenchmark {

    private static final int ACCOUNTS = Integer.getInteger("bench.rules.accounts", 100_000);
    private static final int ROUNDS = Integer.getInteger("bench.rules.rounds", 5);
    /** Accounts per session: what an evaluation run puts in one (see evaluation, chunks of 500). */
    static final int CHUNK = 500;
    private static final Instant AS_OF = Instant.parse("2026-06-01T00:00:00Z");
    private static final KieBaseVariants.Variant INTERPRETED = new KieBaseVariants.Variant("interpreted", false, false, false);
    private final RuleBookCompiler compiler = new RuleBookCompiler(Clock.systemUTC());
    private static Level rootLevel;

    /**
     * Logging as in the service (root INFO). Without a booted Quarkus the root logger is at ALL, and
     * Drools then formats a trace message for every insert and firing, which the service never does.
     */
    @BeforeAll
    static void logLikeTheService() {
        Logger root = Logger.getLogger("");
        rootLevel = root.getLevel();
        root.setLevel(Level.INFO);
    }

    @AfterAll
    static void restoreLogging() {
        Logger.getLogger("").setLevel(rootLevel);
    }

    @Test
    void rule_book_compile_time_and_engine_throughput() throws Exception {
        BenchReport report = new BenchReport("Rule book: compile and evaluate (" + Runtime.getRuntime().availableProcessors() + " cores)");
        for (int n : new int[] { 100, 1_000, 5_000 }) {
            long heapBefore = usedHeap();
            Best compile = new Best();
            Compilation[] c = new Compilation[1];
            compile.time("adopted", true, () -> (c[0] = compiler.compile(Map.of("generated.drl", Generated.heavy(n).drl()))).rules().size());
            long heap = usedHeap() - heapBefore;
            assertThat(c[0].errors()).isEmpty(); // after measuring, so that the book is still held
            assertThat(c[0].diagnostics()).as("the alpha network compiled").noneMatch(d -> d.code().equals("engine"));
            compile.time("interpreted", true, () -> KieBaseVariants.rebuild(c[0].book().orElseThrow(), INTERPRETED).rules().size());

            report.row("compile " + n + " rules", BenchReport.seconds(compile.nanos.get("adopted")) + " / "
                    + BenchReport.seconds(compile.cpu.get("adopted")) + " CPU", String.format(
                    "retained heap ~%d MB; the same DRL built without the alpha network compiler (before): %s / %s CPU",
                    heap >> 20, BenchReport.seconds(compile.nanos.get("interpreted")), BenchReport.seconds(compile.cpu.get("interpreted"))));
        }
        List<AccountFact> accounts = accounts();
        RuleEngine engine = new RuleEngine(1000);
        RuleBook starter = compiler.compile(RuleFiles.drl(Path.of("rules"))).book().orElseThrow();
        Generated heavy = Generated.heavy(100);
        Generated sparse = Generated.sparse(100);
        RuleBook heavyBook = compiler.compile(Map.of("generated.drl", heavy.drl())).book().orElseThrow();
        RuleBook sparseBook = compiler.compile(Map.of("generated.drl", sparse.drl())).book().orElseThrow();

        // Same actions from both sides (checked outside the timed runs).
        for (Generated g : List.of(heavy, sparse)) {
            RuleBook book = g == heavy ? heavyBook : sparseBook;
            List<Proposal> proposals = evaluate(engine, book, accounts);
            assertThat(proposals).allSatisfy(p -> assertThat(p.evidence()).containsKeys("daysSinceLastLogin", "healthScore"));
            assertThat(summary(proposals.stream().map(Proposal::action).toList())).isEqualTo(summary(g.floor(accounts)));
        }

        Best best = new Best();
        for (int round = 0; round <= ROUNDS; round++) { // round 0 warms up
            boolean counted = round > 0;
            best.time("starter", counted, () -> evaluate(engine, starter, accounts).size());
            best.time("heavy engine", counted, () -> evaluate(engine, heavyBook, accounts).size());
            best.time("heavy floor", counted, () -> heavy.floor(accounts).size());
            best.time("heavy drools", counted, () -> bare(heavyBook, accounts));
            best.time("heavy engine, evidence read", counted, () -> evaluate(engine, heavyBook, accounts).stream()
                    .mapToLong(p -> p.evidence().size()).sum());
            best.time("sparse engine", counted, () -> evaluate(engine, sparseBook, accounts).size());
            best.time("sparse floor", counted, () -> sparse.floor(accounts).size());
            best.time("sparse drools", counted, () -> bare(sparseBook, accounts));
        }

        report.row("engine, starter book (" + starter.rules().size() + " rules)", best.perSecond("starter"),
                String.format("%,d proposals; %,d accounts in sessions of %,d", best.results.get("starter"), ACCOUNTS, CHUNK));
        for (String variant : List.of("heavy", "sparse")) {
            long proposals = best.results.get(variant + " engine");
            report.row(variant + ": engine, 100 generated rules", best.perSecond(variant + " engine"),
                    String.format("%,d proposals (%.2f per account, %.2f%% of accounts per rule), each with rule, version and evidence",
                            proposals, (double) proposals / ACCOUNTS, 100.0 * proposals / ACCOUNTS / 100));
            report.row(variant + ": plain Java, same conditions and actions (floor)", best.perSecond(variant + " floor"),
                    "engine / floor = " + best.ratio(variant + " engine", variant + " floor") + " (wall / CPU)");
            report.row(variant + ": Drools alone, same book", best.perSecond(variant + " drools"),
                    "insert + fireAllRules, no attribution, guard or result: " + best.ratio(variant + " drools", variant + " floor")
                            + " the floor; the engine adds " + best.extra(variant + " engine", variant + " drools"));
            if (variant.equals("heavy")) {
                report.row("heavy: engine, then every proposal's evidence read", best.perSecond("heavy engine, evidence read"),
                        "evidence is read on demand; reading all of it: " + best.ratio("heavy engine, evidence read", "heavy floor") + " the floor");
            }
        }
        report.row("rounds", String.valueOf(ROUNDS), "best of " + ROUNDS + " rounds after a warm-up round");
        report.print("rules.md");
    }

    static List<Proposal> evaluate(RuleEngine engine, RuleBook book, List<AccountFact> accounts) {
        List<Proposal> proposals = new ArrayList<>();
        for (int i = 0; i < accounts.size(); i += CHUNK) {
            proposals.addAll(engine.evaluate(book, accounts.subList(i, Math.min(i + CHUNK, accounts.size())), Map.of()).proposals());
        }
        return proposals;
    }

    private static long bare(RuleBook book, List<AccountFact> accounts) {
        long firings = 0;
        for (int i = 0; i < accounts.size(); i += CHUNK) {
            firings += BareDrools.fire(book, accounts.subList(i, Math.min(i + CHUNK, accounts.size())));
        }
        return firings;
    }

    /** Account + title -> how many: the same actions, wherever they came from. */
    private static Map<String, Long> summary(List<? extends ProposedAction> actions) {
        return actions.stream().collect(Collectors.groupingBy(a -> a.getAccountId() + " " + ((Task) a).getTitle(), Collectors.counting()));
    }

    /**
     * 100 (or n) generated rules; rule i: {@code AccountFact( daysSinceLastLogin >= login[i], healthScore < health[i]
     * [, daysToRenewal < renewal[i]] )} -> {@code Task "g<i>"}, with {@code != null} guards. All conditions differ.
     */
    record Generated(int[] login, int[] health, int[] renewal) {

        /** About 7 of 100 rules fire on an account. */
        static Generated heavy(int n) {
            int[] login = new int[n];
            int[] health = new int[n];
            for (int i = 0; i < n; i++) {
                login[i] = 20 + i % 40;
                health[i] = 5 + i % 30;
            }
            return new Generated(login, health, null);
        }

        /**
         * Each rule matches about 0.5% of the accounts (logins uniform in 0-59, health 0-100, renewal
         * 0-364): P(login >= N) * P(health < M) * R / 365 = 0.005.
         */
        static Generated sparse(int n) {
            int[] login = new int[n];
            int[] health = new int[n];
            int[] renewal = new int[n];
            for (int i = 0; i < n; i++) {
                login[i] = 30 + i % 20;
                health[i] = 20 + i % 11;
                double p = (60.0 - login[i]) / 60 * health[i] / 101;
                renewal[i] = (int) Math.round(0.005 / p * 365);
            }
            return new Generated(login, health, renewal);
        }

        String drl() {
            StringBuilder drl = new StringBuilder("package rules.generated\n\nimport io.cmeautopilot.rules.api.*\n\n");
            for (int i = 0; i < login.length; i++) {
                drl.append("rule \"Generated ").append(i).append("\"\n    @category(\"bench\")\nwhen\n")
                        .append("    $a : AccountFact( daysSinceLastLogin != null, daysSinceLastLogin >= ").append(login[i])
                        .append(", healthScore != null, healthScore < ").append(health[i]);
                if (renewal != null) {
                    drl.append(", daysToRenewal != null, daysToRenewal < ").append(renewal[i]);
                }
                drl.append(" )\nthen\n")
                        .append("    insert(Task.forAccount($a).type(\"custom\").title(\"g").append(i).append("\").build());\nend\n\n");
            }
            return drl.toString();
        }

        /** The same conditions written by hand, building the same tasks with the same builder: what the engine must not be far from. */
        List<Task> floor(List<AccountFact> accounts) {
            String[] titles = new String[login.length];
            for (int i = 0; i < titles.length; i++) {
                titles[i] = "g" + i;
            }
            List<Task> out = new ArrayList<>();
            for (AccountFact a : accounts) {
                for (int i = 0; i < login.length; i++) {
                    if (a.getDaysSinceLastLogin() != null && a.getDaysSinceLastLogin() >= login[i]
                            && a.getHealthScore() != null && a.getHealthScore() < health[i]
                            && (renewal == null || a.getDaysToRenewal() != null && a.getDaysToRenewal() < renewal[i])) {
                        out.add(Task.forAccount(a).type("custom").title(titles[i]).build());
                    }
                }
            }
            return out;
        }
    }

    /**
     * The fastest run of each measure (and what it produced), by the wall clock and by the CPU time
     * of the whole process (garbage collection and JIT included): on a machine shared with other
     * builds, CPU time tells what the work costs, wall time also what the neighbours took.
     */
    static final class Best {
        private static final com.sun.management.OperatingSystemMXBean OS =
                (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        final Map<String, Long> nanos = new LinkedHashMap<>();
        final Map<String, Long> cpu = new LinkedHashMap<>();
        final Map<String, Long> results = new LinkedHashMap<>();

        void time(String measure, boolean counted, LongSupplier work) {
            long c = OS.getProcessCpuTime();
            long t = System.nanoTime();
            long result = work.getAsLong();
            long elapsed = System.nanoTime() - t;
            long cpuElapsed = OS.getProcessCpuTime() - c;
            if (counted) {
                nanos.merge(measure, elapsed, Math::min);
                cpu.merge(measure, cpuElapsed, Math::min);
                results.put(measure, result);
            }
        }

        /** Accounts per second of wall time / per CPU-second (one core busy for a second). */
        String perSecond(String measure) {
            return BenchReport.perSecond(ACCOUNTS, nanos.get(measure)) + " / " + BenchReport.perSecond(ACCOUNTS, cpu.get(measure))
                    .replace("/s", " per CPU-s");
        }

        /** How many times the floor's time the measure took: wall / CPU. */
        String ratio(String measure, String floor) {
            return String.format("%.1fx / %.1fx", (double) nanos.get(measure) / nanos.get(floor), (double) cpu.get(measure) / cpu.get(floor));
        }

        /** How much longer than {@code base} the measure took, in percent: wall / CPU. */
        String extra(String measure, String base) {
            return String.format("%.0f%% / %.0f%%", 100.0 * (nanos.get(measure) - nanos.get(base)) / nanos.get(base),
                    100.0 * (cpu.get(measure) - cpu.get(base)) / cpu.get(base));
        }
    }

    static List<AccountFact> accounts() {
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

    private static long usedHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }
}
