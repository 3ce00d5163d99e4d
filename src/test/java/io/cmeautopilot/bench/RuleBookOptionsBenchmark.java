package io.cmeautopilot.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import io.cmeautopilot.bench.RuleBookBenchmark.Generated;
import io.cmeautopilot.rules.BareDrools;
import io.cmeautopilot.rules.KieBaseVariants;
import io.cmeautopilot.rules.KieBaseVariants.Variant;
import io.cmeautopilot.rules.RuleBook;
import io.cmeautopilot.rules.RuleBookCompiler;
import io.cmeautopilot.rules.RuleEngine;
import io.cmeautopilot.rules.api.AccountFact;

/**
 * Which way of building the KieBase evaluates fastest: the heavy and sparse books of
 * {@link RuleBookBenchmark} built as classic (mvel) or executable model, with the alpha network
 * interpreted or compiled to Java, property reactivity on or off; then the adopted build with
 * sessions of different sizes. Every variant runs in the same rounds, interleaved, next to the same
 * plain-Java floor, and is timed both by the wall clock and by the CPU time of the whole process
 * (garbage collection and JIT included), the steadier measure on a shared machine. Run:
 * ./mvnw verify -Pbench -Dtest=RuleBookOptionsBenchmark (results in target/bench/rules-options.md).
 */
@Tag("bench")
class RuleBookOptionsBenchmark {

    private static final int ROUNDS = Integer.getInteger("bench.rules.rounds", 4);
    private static final List<Variant> VARIANTS = List.of(
            new Variant("classic, interpreted alpha network (before)", false, false, false),
            new Variant("classic, alpha network compiler (adopted)", false, true, false),
            new Variant("classic, alpha network compiler, property reactivity off", false, true, true),
            new Variant("executable model, interpreted alpha network", true, false, false),
            new Variant("executable model, alpha network compiler", true, true, false));
    private static final int[] CHUNKS = { 100, 500, 2_000, 10_000 };
    private static Level rootLevel;

    @BeforeAll
    static void logLikeTheService() {
        rootLevel = Logger.getLogger("").getLevel();
        Logger.getLogger("").setLevel(Level.INFO);
    }

    @AfterAll
    static void restoreLogging() {
        Logger.getLogger("").setLevel(rootLevel);
    }

    @Test
    void kie_base_options_side_by_side() throws Exception {
        List<AccountFact> accounts = RuleBookBenchmark.accounts();
        RuleBookCompiler compiler = new RuleBookCompiler(Clock.systemUTC());
        Generated heavy = Generated.heavy(100);
        Generated sparse = Generated.sparse(100);
        RuleBook heavyBook = compiler.compile(Map.of("generated.drl", heavy.drl())).book().orElseThrow();
        RuleBook sparseBook = compiler.compile(Map.of("generated.drl", sparse.drl())).book().orElseThrow();
        RuleBook thousand = compiler.compile(Map.of("generated.drl", Generated.heavy(1_000).drl())).book().orElseThrow();
        RuleEngine engine = new RuleEngine(1000);

        List<RuleBook[]> books = new ArrayList<>();
        List<long[]> compileNanos = new ArrayList<>();
        for (Variant v : VARIANTS) {
            long t = System.nanoTime();
            RuleBook h = KieBaseVariants.rebuild(heavyBook, v);
            long hundred = System.nanoTime() - t;
            t = System.nanoTime();
            KieBaseVariants.rebuild(thousand, v);
            compileNanos.add(new long[] { hundred, System.nanoTime() - t });
            RuleBook s = KieBaseVariants.rebuild(sparseBook, v);
            assertThat(RuleBookBenchmark.evaluate(engine, h, accounts)).hasSize(heavy.floor(accounts).size());
            assertThat(RuleBookBenchmark.evaluate(engine, s, accounts)).hasSize(sparse.floor(accounts).size());
            books.add(new RuleBook[] { h, s });
        }

        RuleBookBenchmark.Best t = new RuleBookBenchmark.Best();
        for (int round = 0; round <= ROUNDS; round++) { // round 0 warms up
            boolean counted = round > 0;
            t.time("heavy floor", counted, () -> heavy.floor(accounts).size());
            t.time("sparse floor", counted, () -> sparse.floor(accounts).size());
            for (int i = 0; i < VARIANTS.size(); i++) {
                RuleBook h = books.get(i)[0];
                RuleBook s = books.get(i)[1];
                t.time(i + " heavy engine", counted, () -> RuleBookBenchmark.evaluate(engine, h, accounts).size());
                t.time(i + " heavy drools", counted, () -> bare(h, accounts, RuleBookBenchmark.CHUNK));
                t.time(i + " sparse engine", counted, () -> RuleBookBenchmark.evaluate(engine, s, accounts).size());
                t.time(i + " sparse drools", counted, () -> bare(s, accounts, RuleBookBenchmark.CHUNK));
            }
            RuleBook adopted = books.get(1)[0];
            for (int chunk : CHUNKS) {
                t.time("chunk " + chunk, counted, () -> evaluate(engine, adopted, accounts, chunk));
            }
        }

        StringBuilder out = new StringBuilder(String.format("%n### Rule book: KieBase options (%d cores, best of %d rounds)%n%n",
                Runtime.getRuntime().availableProcessors(), ROUNDS));
        out.append("Ratios to the plain-Java floor, wall clock / process CPU time.\n\n")
                .append("| KieBase built as | heavy: engine | heavy: Drools alone | sparse: engine | sparse: Drools alone | compile 100 / 1,000 rules |\n")
                .append("|---|---|---|---|---|---|\n");
        for (int i = 0; i < VARIANTS.size(); i++) {
            out.append(String.format("| %s | %s | %s | %s | %s | %.1f s / %.1f s |%n", VARIANTS.get(i).name(),
                    t.ratio(i + " heavy engine", "heavy floor"), t.ratio(i + " heavy drools", "heavy floor"),
                    t.ratio(i + " sparse engine", "sparse floor"), t.ratio(i + " sparse drools", "sparse floor"),
                    compileNanos.get(i)[0] / 1e9, compileNanos.get(i)[1] / 1e9));
        }
        out.append(String.format("%nFloors: heavy %.0f ms wall / %.0f ms CPU, sparse %.0f ms wall / %.0f ms CPU for %,d accounts.%n%n",
                t.nanos.get("heavy floor") / 1e6, t.cpu.get("heavy floor") / 1e6, t.nanos.get("sparse floor") / 1e6,
                t.cpu.get("sparse floor") / 1e6, accounts.size()));
        out.append("| adopted build, heavy book, accounts per session | engine / floor (wall / CPU) |\n|---|---|\n");
        for (int chunk : CHUNKS) {
            out.append(String.format("| %,d | %s |%n", chunk, t.ratio("chunk " + chunk, "heavy floor")));
        }
        System.out.println(out);
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "bench"));
        java.nio.file.Files.writeString(java.nio.file.Path.of("target", "bench", "rules-options.md"), out.toString());
    }

    private static long evaluate(RuleEngine engine, RuleBook book, List<AccountFact> accounts, int chunk) {
        long proposals = 0;
        for (int i = 0; i < accounts.size(); i += chunk) {
            proposals += engine.evaluate(book, accounts.subList(i, Math.min(i + chunk, accounts.size())), Map.of()).proposals().size();
        }
        return proposals;
    }

    private static long bare(RuleBook book, List<AccountFact> accounts, int chunk) {
        long firings = 0;
        for (int i = 0; i < accounts.size(); i += chunk) {
            firings += BareDrools.fire(book, accounts.subList(i, Math.min(i + chunk, accounts.size())));
        }
        return firings;
    }
}
