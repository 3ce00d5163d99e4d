package io.cmeautopilot.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The template names a rule book uses, read from the DRL text so that a missing one is reported on
 * its own line; code only (not comments or strings), and a computed name known to be one.
 */
class TemplateReferencesTest {

    @Test
    void literal_names_are_found_with_file_line_and_column_and_computed_ones_are_known_to_be_computed() {
        String drl = Drl.file("rules.t", """
                rule "Tell"
                    @category("x")
                when
                    $a : AccountFact( daysSinceLastLogin >= 7 )
                then
                    // insert(Notification.toOwner($a).template("commented-out").build());
                    insert(Notification.toOwner($a).template( "quiet" ).param("note", "see .template(\\"in-a-string\\")").build());
                    insert(Notification.toTeam($a)
                               .template("team-" + $a.getTier()).build());
                end
                """);
        Compilation c = Drl.compile(Map.of("tell/t.drl", drl));

        assertThat(c.templateReferences()).containsExactly(
                new TemplateReference("quiet", "tell/t.drl", 11, 48),
                new TemplateReference(null, "tell/t.drl", 13, 17));
    }

    @Test
    void a_file_without_notifications_names_no_template() {
        assertThat(Drl.compile(Map.of("a.drl", Drl.file("rules.a", "rule \"A\" @category(\"x\")\nwhen\nthen\nend\n")))
                .templateReferences()).isEmpty();
    }
}
