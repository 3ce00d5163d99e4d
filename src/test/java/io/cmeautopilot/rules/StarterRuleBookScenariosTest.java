package io.cmeautopilot.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import io.cmeautopilot.rules.scenarios.Scenario;
import io.cmeautopilot.rules.scenarios.ScenarioFiles;
import io.cmeautopilot.rules.scenarios.ScenarioResult;
import io.cmeautopilot.rules.scenarios.ScenarioRunner;

/**
 * Every scenario in rules/tests/*.yaml against the rule book in rules/, one test per scenario
 * named after it. Plain JUnit: no Quarkus, no database.
 */
class StarterRuleBookScenariosTest {

    private static final Path RULES = Path.of("rules");
    private static final RuleBook BOOK = compileStarterBook();
    private static final ScenarioRunner RUNNER = new ScenarioRunner(new RuleEngine(1000));

    private static RuleBook compileStarterBook() {
        Compilation c = new RuleBookCompiler(Clock.systemUTC()).compile(RuleFiles.drl(RULES));
        assertThat(c.errors()).as("the starter rule book compiles").isEmpty();
        return c.book().orElseThrow();
    }

    @TestFactory
    Stream<DynamicTest> every_scenario_of_the_starter_rule_book_holds() {
        return RuleFiles.scenarios(RULES).entrySet().stream().flatMap(file -> {
            List<Scenario> scenarios = ScenarioFiles.parse(file.getKey(), file.getValue());
            return scenarios.stream().map(s -> DynamicTest.dynamicTest(file.getKey() + " / " + s.name(), () -> {
                ScenarioResult result = RUNNER.run(BOOK, s);
                assertThat(result.failures()).as("proposed: %s", result.proposed()).isEmpty();
            }));
        });
    }

    @Test
    void every_starter_rule_has_metadata_and_at_least_one_scenario_that_fires_it() {
        assertThat(BOOK.warnings()).isEmpty();
        List<ScenarioResult> results = RUNNER.runAll(BOOK, RuleFiles.scenarios(RULES));
        for (RuleInfo rule : BOOK.rules()) {
            assertThat(rule.category()).as(rule.name()).isNotBlank();
            assertThat(rule.description()).as(rule.name()).isNotBlank();
            assertThat(results.stream().flatMap(r -> r.proposed().stream()).map(p -> p.get("rule")))
                    .as("a scenario fires \"%s\"", rule.name()).contains(rule.name());
        }
        assertThat(BOOK.rules()).hasSizeGreaterThanOrEqualTo(18);
    }

    @Test
    void starter_rules_record_the_values_their_conditions_refer_to_as_evidence() {
        ScenarioResult result = RUNNER.run(BOOK, new Scenario("inline", "no login", ScenarioFiles.DEFAULT_AS_OF,
                Map.of("daysSinceLastLogin", 21), List.of(), List.of(), List.of(), false));
        Map<String, Object> task = result.proposed().stream().filter(p -> "TASK".equals(p.get("kind"))).findFirst().orElseThrow();
        assertThat(task.get("evidence")).isEqualTo(Map.of("stage", "ESTABLISHED", "daysSinceLastLogin", 21));
    }
}
