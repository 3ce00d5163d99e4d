package io.cmeautopilot.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.cmeautopilot.rules.api.AccountFact;
import io.cmeautopilot.rules.api.HealthGrade;
import io.cmeautopilot.rules.scenarios.Scenario;
import io.cmeautopilot.rules.scenarios.ScenarioAccounts;
import io.cmeautopilot.rules.scenarios.ScenarioFiles;
import io.cmeautopilot.rules.scenarios.ScenarioResult;
import io.cmeautopilot.rules.scenarios.ScenarioRunner;

/** The scenario format: defaults, derived values, and clear messages for mistakes. Plain JUnit. */
class ScenarioFilesTest {

    @Test
    void file_defaults_and_scenario_values_combine_and_derived_values_follow_them() {
        List<Scenario> scenarios = ScenarioFiles.parse("tests/x.yaml", """
                asOf: 2026-01-10T00:00:00Z
                account: { stage: RENEWAL }
                scenarios:
                  - name: one
                    account: { seatsPurchased: 10, activeUsers30d: 5, daysToRenewal: 30, healthScore: 39 }
                """);
        Scenario s = scenarios.get(0);
        assertThat(s.asOf()).isEqualTo(Instant.parse("2026-01-10T00:00:00Z"));
        AccountFact a = ScenarioAccounts.account(s.account(), s.asOf());
        assertThat(a.getStage().name()).isEqualTo("RENEWAL");
        assertThat(a.getSeatsActive()).isEqualTo(5);
        assertThat(a.getSeatUtilization()).isEqualTo(0.5);
        assertThat(a.getRenewalDate()).hasToString("2026-02-09");
        assertThat(a.getHealthGrade()).isEqualTo(HealthGrade.RED);
        assertThat(a.getLatestNps()).isEqualTo(9);
    }

    @Test
    void mistakes_in_a_scenario_file_are_named() {
        assertThatThrownBy(() -> ScenarioFiles.parse("tests/x.yaml", "scenarios:\n  - name: a\n    expects: []\n"))
                .hasMessageContaining("tests/x.yaml / a: unknown scenario key 'expects'");
        assertThatThrownBy(() -> ScenarioFiles.parse("tests/x.yaml", "scenarios:\n  - account: {}\n"))
                .hasMessageContaining("scenario #1 has no name");
        assertThatThrownBy(() -> ScenarioFiles.parse("tests/x.yaml", "scenarios: [ {name: a\n"))
                .hasMessageStartingWith("tests/x.yaml:").hasMessageContaining("not valid YAML");
        assertThatThrownBy(() -> ScenarioAccounts.account(Map.of("daysSinceLastLogn", 3), ScenarioFiles.DEFAULT_AS_OF))
                .hasMessage("unknown account field 'daysSinceLastLogn'");
        assertThatThrownBy(() -> ScenarioAccounts.account(Map.of("stage", "NOWHERE"), ScenarioFiles.DEFAULT_AS_OF))
                .hasMessageContaining("'stage'");
    }

    @Test
    void a_failing_scenario_says_what_was_missing_and_what_was_proposed() {
        RuleBook book = Drl.book(Map.of("q.drl", Drl.file("rules.q", """
                rule "Quiet"
                    @category("x")
                when
                    $a : AccountFact( daysSinceLastLogin >= 7 )
                then
                    insert(Task.forAccount($a).type("churn-risk").title("quiet").build());
                end
                """)));
        List<ScenarioResult> results = new ScenarioRunner(new RuleEngine(100)).runAll(book, Map.of("tests/q.yaml", """
                scenarios:
                  - name: wrong priority
                    account: { daysSinceLastLogin: 9 }
                    expect: [ { rule: Quiet, priority: HIGH } ]
                    expectNot: [ { titleContains: QUIET } ]
                """));
        assertThat(results).singleElement().satisfies(r -> {
            assertThat(r.passed()).isFalse();
            assertThat(r.failures()).hasSize(2);
            assertThat(r.failures().get(0)).startsWith("expected {rule=Quiet, priority=HIGH} but it was not proposed");
            assertThat(r.failures().get(1)).startsWith("did not expect {titleContains=QUIET} but got {rule=Quiet, kind=TASK");
        });
    }
}
