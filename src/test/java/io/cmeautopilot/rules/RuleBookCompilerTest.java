package io.cmeautopilot.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Diagnostics of broken, unsafe and badly annotated rule books, with exact positions. Plain JUnit. */
class RuleBookCompilerTest {

    private static final String GOOD = Drl.file("rules.churn", """
            rule "No login"
                @category("churn") @cooldown("P14D") @autoResolve(true) @maxPerRun(50) @schedule("daily, hourly")
                @description("nobody logged in")
            when
                $a : AccountFact( stage != Stage.CHURNED, daysSinceLastLogin >= 14 )
            then
                insert(Task.forAccount($a).type("churn-risk").title("x").build());
            end
            """);

    @Test
    void a_good_rule_book_compiles_with_its_rules_metadata_file_and_line() {
        Compilation c = Drl.compile(Map.of("churn/login.drl", GOOD));
        assertThat(c.succeeded()).isTrue();
        assertThat(c.diagnostics()).isEmpty();
        RuleInfo rule = c.book().orElseThrow().rules().get(0);
        assertThat(rule.name()).isEqualTo("No login");
        assertThat(rule.packageName()).isEqualTo("rules.churn");
        assertThat(rule.file()).isEqualTo("churn/login.drl");
        assertThat(rule.line()).isEqualTo(5);
        assertThat(rule.category()).isEqualTo("churn");
        assertThat(rule.description()).isEqualTo("nobody logged in");
        assertThat(rule.cooldown()).hasDays(14);
        assertThat(rule.autoResolve()).isTrue();
        assertThat(rule.maxPerRun()).isEqualTo(50);
        assertThat(rule.schedules()).containsExactly("daily", "hourly");
        assertThat(rule.accountFields()).containsExactly("stage", "daysSinceLastLogin");
    }

    @Test
    void the_version_is_a_content_hash_independent_of_file_order() {
        String a = Drl.compile(Map.of("a.drl", GOOD, "b.drl", GOOD.replace("rules.churn", "rules.other"))).version();
        String b = Drl.compile(new java.util.TreeMap<>(Map.of("b.drl", GOOD.replace("rules.churn", "rules.other"), "a.drl", GOOD))).version();
        assertThat(a).isEqualTo(b).hasSize(64);
        assertThat(Drl.compile(Map.of("a.drl", GOOD + "\n")).version()).isNotEqualTo(a);
    }

    @Test
    void a_syntax_error_is_reported_at_its_file_line_and_column() {
        String drl = Drl.file("rules.x", """
                rule "Broken"
                    @category("x")
                when
                    $a : AccountFact( daysSinceLastLogin >= )
                then
                end
                """);
        Compilation c = Drl.compile(Map.of("ok.drl", GOOD, "broken/syntax.drl", drl));
        assertThat(c.succeeded()).isFalse();
        assertThat(c.errors()).singleElement().satisfies(d -> {
            assertThat(d.file()).isEqualTo("broken/syntax.drl");
            assertThat(d.line()).isEqualTo(8);
            assertThat(d.column()).isEqualTo(45);
            assertThat(d.code()).isEqualTo("syntax");
        });
    }

    @Test
    void a_misspelt_field_is_a_type_error_at_the_field() {
        String drl = Drl.file("rules.y", """
                rule "Typo"
                    @category("x")
                when
                    $a : AccountFact( daysSinceLastLgin >= 3 )
                then
                end
                """);
        Diagnostic d = Drl.compile(Map.of("typo.drl", drl)).errors().get(0);
        assertThat(d.location()).isEqualTo("typo.drl:8:23");
        assertThat(d.message()).contains("daysSinceLastLgin");
    }

    @Test
    void type_errors_in_a_consequence_and_unknown_fact_types_point_at_the_culprit() {
        String drl = Drl.file("rules.z", """
                rule "Bad consequence"
                    @category("x")
                when
                    $a : AccountFact()
                then
                    insert(Task.forAccount($a).typo("x").build());
                end

                rule "Unknown type"
                    @category("x")
                when
                    $a : AcountFact()
                then
                end
                """);
        List<String> errors = Drl.compile(Map.of("z.drl", drl)).errors().stream().map(d -> d.location() + " " + d.message()).toList();
        assertThat(errors).anySatisfy(e -> assertThat(e).startsWith("z.drl:10:32 ").contains("typo(String)"));
        assertThat(errors).anySatisfy(e -> assertThat(e).startsWith("z.drl:16:10 ").contains("AcountFact"));
    }

    @Test
    void forbidden_imports_and_calls_are_refused_before_drools_sees_them() {
        String drl = """
                package rules.evil

                import io.cmeautopilot.rules.api.*
                import java.io.File
                import static java.lang.System.exit
                import java.util.List

                rule "Evil"
                    @category("x") @description(System.getenv("HOME"))
                when
                    $a : AccountFact()
                then
                    // a comment saying Runtime is harmless, and so is a "System.exit" in a string
                    Runtime.getRuntime().exec("rm -rf /");
                    new ProcessBuilder("sh").start();
                    Class.forName("java.lang.Thread");
                    $a.getClass().getClassLoader();
                    java.nio.file.Files.delete(null);
                end
                """;
        Compilation c = Drl.compile(Map.of("evil.drl", drl));
        assertThat(c.succeeded()).isFalse();
        List<String> found = c.errors().stream().map(d -> d.line() + ":" + d.column() + " " + d.code()).toList();
        assertThat(found).contains("4:8 forbidden-import", "5:15 forbidden-import", "9:33 forbidden-call",
                "14:5 forbidden-call", "15:9 forbidden-call", "16:5 forbidden-call", "17:8 forbidden-call", "18:5 forbidden-call");
        assertThat(found).noneMatch(f -> f.startsWith("6:") || f.startsWith("13:"));
        assertThat(c.errors()).filteredOn(d -> d.line() == 14).extracting(Diagnostic::message)
                .anySatisfy(m -> assertThat(m).contains("Runtime"));
    }

    @Test
    void bad_metadata_is_reported_at_the_annotation() {
        String drl = Drl.file("rules.m", """
                rule "Bad metadata"
                    @category("x")
                    @cooldown("14 days") @autoResolve(maybe)
                    @maxPerRun(0) @schedule("Daily!") @colour("red")
                when
                    $a : AccountFact()
                then
                end

                rule "No category"
                when
                    $a : AccountFact()
                then
                end
                """);
        Compilation c = Drl.compile(Map.of("m.drl", drl));
        assertThat(c.succeeded()).isFalse();
        assertThat(c.diagnostics()).extracting(d -> d.severity() + " " + d.location() + " " + d.message().replaceAll(":.*", ""))
                .containsExactly(
                        "ERROR m.drl:7:5 rule \"Bad metadata\"",
                        "ERROR m.drl:7:26 rule \"Bad metadata\"",
                        "ERROR m.drl:8:5 rule \"Bad metadata\"",
                        "ERROR m.drl:8:19 rule \"Bad metadata\"",
                        "WARNING m.drl:8:39 rule \"Bad metadata\"",
                        "WARNING m.drl:14:1 rule \"No category\" has no @category; it is listed under 'uncategorized'");
        assertThat(c.errors().get(0).message()).contains("ISO-8601", "P14D");
    }

    @Test
    void file_names_must_be_relative_drl_paths() {
        Compilation c = Drl.compile(Map.of("../outside.drl", GOOD, "notes.txt", GOOD));
        assertThat(c.succeeded()).isFalse();
        assertThat(c.errors()).extracting(Diagnostic::file).containsExactly("../outside.drl", "notes.txt");
    }
}
