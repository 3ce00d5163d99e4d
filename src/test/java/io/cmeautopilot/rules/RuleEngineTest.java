package io.cmeautopilot.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.cmeautopilot.rules.api.AccountFact;
import io.cmeautopilot.rules.api.FeatureUsage;
import io.cmeautopilot.rules.api.Stage;
import io.cmeautopilot.rules.api.Task;

/** Attribution, evidence, the runaway guard and failing rules. Plain JUnit. */
class RuleEngineTest {

    private static final Instant AS_OF = Instant.parse("2026-06-01T00:00:00Z");

    static AccountFact account(long id, String externalId, int daysSinceLastLogin) {
        return AccountFact.builder().asOf(AS_OF).id(id).externalId(externalId).name(externalId).stage(Stage.ESTABLISHED)
                .daysSinceLastLogin(daysSinceLastLogin).logins30d(3L).build();
    }

    private static final String NO_LOGIN = Drl.file("rules.churn", """
            rule "No login"
                @category("churn")
            when
                $a : AccountFact( stage != Stage.CHURNED, daysSinceLastLogin >= 14 )
            then
                insert(Task.forAccount($a).type("churn-risk").priority(Priority.HIGH).title("No login").build());
            end

            rule "Feature dropped"
                @category("adoption")
            when
                $a : AccountFact()
                $f : FeatureUsage( accountId == $a.id, uses30d < usesPrev30d )
            then
                insert(Task.forAccount($a).type("adoption").title("dropped").discriminator($f.getFeature()).build());
            end
            """);

    @Test
    void each_action_is_attributed_to_its_rule_and_version_with_the_matched_values_as_evidence() {
        RuleBook book = Drl.book(Map.of("churn.drl", NO_LOGIN));
        EvaluationResult result = new RuleEngine(100).evaluate(book, List.of(account(1, "a", 20), account(2, "b", 3)),
                Map.of(2L, List.of(new FeatureUsage(2, "reports", 1, 9, 4))));

        assertThat(result.proposals()).hasSize(2);
        Proposal login = result.proposals().stream().filter(p -> p.rule().equals("No login")).findFirst().orElseThrow();
        assertThat(login.ruleBookVersion()).isEqualTo(book.version());
        assertThat(login.rulePackage()).isEqualTo("rules.churn");
        assertThat(login.action().getAccountId()).isEqualTo(1);
        assertThat(((Task) login.action()).getTitle()).isEqualTo("No login");
        assertThat(login.evidence()).isEqualTo(Map.of("stage", "ESTABLISHED", "daysSinceLastLogin", 20));
        assertThat(login.dedupeKey()).isEqualTo("rules.churn.No login|1|TASK");

        Proposal feature = result.proposals().stream().filter(p -> p.rule().equals("Feature dropped")).findFirst().orElseThrow();
        assertThat(feature.action().getAccountId()).isEqualTo(2);
        assertThat(feature.evidence()).containsEntry("feature[reports].uses30d", 1L).containsEntry("feature[reports].usesPrev30d", 9L);
        assertThat(feature.dedupeKey()).endsWith("|2|TASK|reports");
        assertThat(result.firingsByRule()).containsEntry("No login", 1).containsEntry("Feature dropped", 1);
    }

    @Test
    void evidence_is_the_same_whenever_it_is_read_and_shared_by_the_actions_of_one_firing() {
        String drl = Drl.file("rules.two", """
                rule "Two actions"
                    @category("x")
                when
                    $a : AccountFact( stage == Stage.ESTABLISHED, daysSinceLastLogin >= 14, asOf != null )
                    $f : FeatureUsage( accountId == $a.id, lastUsedDaysAgo > 3 )
                then
                    insert(Task.forAccount($a).type("custom").title("t").discriminator($f.getFeature()).build());
                    insert(Notification.toOwner($a).template("n").build());
                end

                rule "No conditions on fields"
                    @category("x")
                when
                    $a : AccountFact()
                then
                    insert(Notification.toTeam($a).template("all").build());
                end
                """);
        RuleBook book = Drl.book(Map.of("two.drl", drl));
        EvaluationResult result = new RuleEngine(100).evaluate(book, List.of(account(1, "a", 20)),
                Map.of(1L, List.of(new FeatureUsage(1, "reports", 1, 9, 4))));

        List<Proposal> two = result.proposals().stream().filter(p -> p.rule().equals("Two actions")).toList();
        assertThat(two).hasSize(2);
        Map<String, Object> expected = new java.util.LinkedHashMap<>();
        expected.put("stage", "ESTABLISHED");
        expected.put("daysSinceLastLogin", 20);
        expected.put("asOf", AS_OF.toString());
        expected.put("id", 1L); // from $a.id in the join
        expected.put("feature[reports].accountId", 1L);
        expected.put("feature[reports].lastUsedDaysAgo", 4);
        // Read after the session is gone; in match order, then in order of mention; enums and instants as text.
        assertThat(two.get(0).evidence()).isEqualTo(expected);
        assertThat(List.copyOf(two.get(0).evidence().keySet())).containsExactlyElementsOf(expected.keySet());
        assertThat(two.get(0).evidence()).isSameAs(two.get(1).evidence()).hasToString(expected.toString());
        assertThat(two.get(0).evidence().hashCode()).isEqualTo(expected.hashCode());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> two.get(0).evidence().put("x", 1))
                .isInstanceOf(UnsupportedOperationException.class);
        Proposal plain = result.proposals().stream().filter(p -> p.rule().equals("No conditions on fields")).findFirst().orElseThrow();
        assertThat(plain.evidence()).isEmpty();
    }

    @Test
    void an_account_whose_rules_keep_firing_is_stopped_and_reported_while_the_others_are_evaluated() {
        String drl = Drl.file("rules.loop", """
                rule "Seed"
                    @category("x")
                when
                    $a : AccountFact( externalId == "runaway" )
                then
                    insert(Task.forAccount($a).type("custom").title("seed").build());
                end

                rule "Echo"
                    @category("x")
                when
                    $a : AccountFact()
                    $t : Task( accountId == $a.id )
                then
                    insert(Task.forAccount($a).type("custom").title("again").build());
                end

                rule "Calm"
                    @category("x")
                when
                    $a : AccountFact( externalId == "calm" )
                then
                    insert(Notification.toOwner($a).template("hello").build());
                end
                """);
        RuleBook book = Drl.book(Map.of("loop.drl", drl));
        EvaluationResult result = new RuleEngine(50).evaluate(book,
                List.of(account(1, "calm", 1), account(2, "runaway", 1), account(3, "calm", 1)), Map.of());

        assertThat(result.runaways()).singleElement().satisfies(r -> {
            assertThat(r.accountId()).isEqualTo(2);
            assertThat(r.accountExternalId()).isEqualTo("runaway");
            assertThat(r.firings()).isEqualTo(51);
            // Every firing the account asked for, the refused 51st included.
            assertThat(r.firingsByRule()).isEqualTo(Map.of("Seed", 1, "Echo", 50));
        });
        assertThat(result.proposals()).extracting(p -> p.action().getAccountId() + " " + p.rule())
                .containsExactlyInAnyOrder("1 Calm", "3 Calm");
        // Firings that happened, over all accounts.
        assertThat(result.firingsByRule()).isEqualTo(Map.of("Calm", 2, "Seed", 1, "Echo", 49));
        assertThat(result.accounts()).isEqualTo(3);
    }

    @Test
    void a_rule_that_throws_is_recorded_and_everything_else_goes_on() {
        String drl = Drl.file("rules.bad", """
                rule "Forgets the title"
                    @category("x")
                when
                    $a : AccountFact( externalId == "b" )
                then
                    insert(Notification.toOwner($a).template("half-done").build());
                    insert(Task.forAccount($a).type("churn-risk").build());
                end

                rule "Divides by zero"
                    @category("x")
                when
                    $a : AccountFact( externalId == "c" )
                then
                    int x = 1 / ($a.getLogins30d().intValue() - 3);
                end

                rule "Fine"
                    @category("x")
                when
                    $a : AccountFact()
                then
                    insert(Task.forAccount($a).type("custom").title("fine").build());
                end
                """);
        RuleBook book = Drl.book(Map.of("bad.drl", drl));
        EvaluationResult result = new RuleEngine(100).evaluate(book,
                List.of(account(1, "a", 1), account(2, "b", 1), account(3, "c", 1)), Map.of());

        assertThat(result.failures()).extracting(f -> f.rule() + " " + f.accountExternalId())
                .containsExactlyInAnyOrder("Forgets the title b", "Divides by zero c");
        assertThat(result.failures()).filteredOn(f -> f.rule().equals("Forgets the title")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("IllegalArgumentException", "title is required", "account b"));
        // The failing firing's own proposals (the notification before the throw) are dropped with it.
        assertThat(result.proposals()).extracting(p -> p.action().getAccountExternalId() + " " + p.rule())
                .containsExactlyInAnyOrder("a Fine", "b Fine", "c Fine");
    }

    @Test
    void a_condition_that_throws_costs_only_its_own_account() {
        String drl = Drl.file("rules.cond", """
                function boolean fragile(AccountFact a) {
                    if (a.getLogins30d() == 3) {
                        throw new IllegalStateException("boom");
                    }
                    return true;
                }

                rule "Fragile condition"
                    @category("x")
                when
                    $a : AccountFact()
                    eval( fragile($a) )
                then
                    insert(Task.forAccount($a).type("custom").title("fragile").build());
                end
                """);
        RuleBook book = Drl.book(Map.of("cond.drl", drl));
        AccountFact zero = AccountFact.builder().asOf(AS_OF).id(9).externalId("zero").stage(Stage.ADOPTION).logins30d(3L).build();
        AccountFact fine = AccountFact.builder().asOf(AS_OF).id(8).externalId("fine").stage(Stage.ADOPTION).logins30d(4L).build();
        EvaluationResult result = new RuleEngine(100).evaluate(book, List.of(fine, zero), Map.of());

        assertThat(result.accounts()).isEqualTo(2);
        assertThat(result.proposals()).extracting(p -> p.action().getAccountExternalId()).containsExactly("fine");
        assertThat(result.failures()).extracting(RuleFailure::accountExternalId).containsExactly("zero");
    }
}
