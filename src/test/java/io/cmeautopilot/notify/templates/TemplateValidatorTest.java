package io.cmeautopilot.notify.templates;

import static org.assertj.core.api.Assertions.assertThat;

import java.beans.Introspector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.cmeautopilot.rules.api.AccountFact;

/**
 * Template errors found when a rule book loads, not when a notification is sent: syntax with file and
 * line, missing templates, unknown variables and properties. Plain JUnit, as the rules package calls it.
 */
class TemplateValidatorTest {

    /** What rule notifications render with: the account's fact, the rule's params, the rule and the evidence. */
    static final TemplateModel RULE_MODEL = TemplateModel.of(Map.of(
            "account", Arrays.stream(AccountFact.class.getMethods())
                    .filter(m -> m.getName().startsWith("get") && m.getParameterCount() == 0 && m.getDeclaringClass() == AccountFact.class)
                    .map(m -> Introspector.decapitalize(m.getName().substring(3))).collect(Collectors.toSet()),
            "params", Set.of(), "rule", Set.of(), "evidence", Set.of()));

    /** The template names the DRL files use, the way the rules package extracts them. */
    static Set<String> referencedBy(Path rulesDir) throws IOException {
        Pattern literal = Pattern.compile("\\.template\\(\\s*\"([^\"]+)\"\\s*\\)");
        Set<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.walk(rulesDir)) {
            for (Path drl : files.filter(p -> p.toString().endsWith(".drl")).toList()) {
                Matcher m = literal.matcher(Files.readString(drl));
                while (m.find()) {
                    names.add(m.group(1));
                }
            }
        }
        return names;
    }

    @Test
    void the_starter_rule_book_has_a_valid_template_for_every_notification_it_sends() throws IOException {
        Set<String> referenced = referencedBy(Path.of("rules"));
        assertThat(referenced).contains("login-dropoff", "health-red", "nps-detractor", "licence-expiring", "onboarding-stalled");
        // The directory also holds the templates the service sends itself (task-escalated, ...), with data of their own.
        Map<String, String> used = new java.util.TreeMap<>(TemplateValidator.read(Path.of("rules", "templates")));
        used.keySet().removeIf(file -> !referenced.contains(file.substring(0, file.lastIndexOf('.'))));
        assertThat(TemplateValidator.validate(used, referenced, RULE_MODEL)).isEmpty();
        assertThat(TemplateValidator.validate(Path.of("rules", "templates"), referenced, TemplateModel.ANY)).isEmpty();
    }

    @Test
    void a_syntax_error_is_reported_with_file_and_line() {
        var found = TemplateValidator.validate(Map.of("broken.txt", "Subject: hi\n\n{#if account.name}\nunclosed\n"),
                Set.of(), RULE_MODEL);
        assertThat(found).hasSize(1);
        assertThat(found.get(0).file()).isEqualTo("templates/broken.txt");
        assertThat(found.get(0).line()).isEqualTo(4);
        assertThat(found.get(0).message()).contains("unterminated section");
    }

    @Test
    void a_template_the_rule_book_uses_but_that_does_not_exist_is_an_error() {
        var found = TemplateValidator.validate(Map.of("present.txt", "hello"), Set.of("present", "missing"), TemplateModel.ANY);
        assertThat(found).containsExactly(new TemplateDiagnostic("templates/missing.txt", 0,
                "template 'missing' is used by the rule book but does not exist"));
    }

    @Test
    void unknown_variables_and_misspelt_properties_are_errors_on_their_line() {
        var found = TemplateValidator.validate(Map.of("x.txt", "Subject: {account.name}\n\n{acount.name}\n{account.nmae}\n"),
                Set.of("x"), RULE_MODEL);
        assertThat(found).extracting(TemplateDiagnostic::toString).containsExactly(
                "templates/x.txt:3: unknown variable 'acount' in {acount.name}; templates may use account, evidence, params, rule",
                "templates/x.txt:4: 'account' has no property 'nmae' in {account.nmae}");
    }

    @Test
    void loop_and_let_variables_loop_metadata_params_and_defaults_are_fine() {
        String text = """
                {#for f in params.features}{f.name} {f_count}{/for}
                {#each params.items}{it}{/each}
                {#let owner=account.owner}{owner}{/let}
                {params.limit ?: 3} {account.name.toUpperCase} {evidence.daysSinceLastLogin}
                """;
        assertThat(TemplateValidator.validate(Map.of("ok.txt", text), Set.of("ok"), RULE_MODEL)).isEmpty();
    }

    @Test
    void an_html_part_without_a_text_part_and_a_badly_named_file_are_errors_other_files_are_ignored() {
        var found = TemplateValidator.validate(Map.of("only.html", "<p>x</p>", "Bad Name.txt", "x", "README.md", "notes"),
                Set.of(), TemplateModel.ANY);
        assertThat(found).extracting(TemplateDiagnostic::file).containsExactly("templates/Bad Name.txt", "templates/only.html");
    }

    @Test
    void the_html_part_is_checked_like_the_text_part() {
        var found = TemplateValidator.validate(Map.of("y.txt", "ok", "y.html", "<p>{account.nope}</p>"), Set.of("y"), RULE_MODEL);
        assertThat(found).extracting(TemplateDiagnostic::toString)
                .containsExactly("templates/y.html:1: 'account' has no property 'nope' in {account.nope}");
    }
}
