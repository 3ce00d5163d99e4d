package io.cmeautopilot.health.scorecard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Parsing the scorecard, and every kind of mistake reported with its line and column. */
class ScorecardParserTest {

    static final String MINIMAL = """
            grades: { green: 70, yellow: 40 }
            measures:
              - id: nps
                metric: latestNps
                weight: 10
                thresholds:
                  - { atLeast: 9, points: 100 }
                  - { points: 10 }
            """;

    @Test
    void the_starter_scorecard_is_valid_and_its_enterprise_variant_inherits_and_overrides() throws IOException {
        Scorecard scorecard = ScorecardParser.parse("scorecard.yaml", Files.readString(Path.of("rules/scorecard.yaml")));
        assertThat(scorecard.defaults().measures()).extracting(Measure::id).contains("login-trend", "active-seats",
                "feature-adoption", "critical-tickets", "error-trend", "nps", "csat", "usage-vs-limit", "renewal-runway");
        assertThat(scorecard.defaults().grades()).isEqualTo(new Grades(70, 40));
        ScorecardVariant ent = scorecard.forSegment("ENT");
        assertThat(ent.name()).isEqualTo("enterprise");
        assertThat(ent.grades()).isEqualTo(new Grades(75, 50));
        assertThat(ent.minimumCoverage()).isEqualTo(0.5);
        assertThat(ent.measures()).filteredOn(m -> m.id().equals("nps")).extracting(Measure::weight).containsExactly(15.0);
        assertThat(ent.measures()).hasSameSizeAs(scorecard.defaults().measures());
        assertThat(scorecard.forSegment("SMB")).isSameAs(scorecard.defaults());
        assertThat(scorecard.forSegment(null)).isSameAs(scorecard.defaults());
        assertThat(scorecard.version()).hasSize(64);
    }

    @Test
    void the_version_is_the_hash_of_the_content() {
        assertThat(ScorecardParser.parse("a.yaml", MINIMAL).version())
                .isEqualTo(ScorecardParser.parse("b.yaml", MINIMAL).version())
                .isNotEqualTo(ScorecardParser.parse("a.yaml", MINIMAL + "# a comment\n").version());
    }

    @Test
    void a_variant_may_drop_a_measure_with_weight_0_and_add_its_own() {
        Scorecard s = ScorecardParser.parse("s.yaml", MINIMAL + """
              - id: logins
                metric: logins30d
                weight: 5
                linear: [[0, 0], [100, 100]]
            variants:
              - name: smb
                segments: [SMB, MICRO]
                minimumCoverage: 1
                weights: { nps: 0 }
                measures:
                  - { id: seats, metric: seatUtilization, weight: 20, linear: [[0, 0], [1, 100]] }
            """);
        ScorecardVariant smb = s.forSegment("MICRO");
        assertThat(smb.measures()).extracting(Measure::id).containsExactly("logins", "seats");
        assertThat(smb.minimumCoverage()).isEqualTo(1.0);
        assertThat(smb.grades()).isEqualTo(new Grades(70, 40));
        assertThat(s.defaults().measures()).extracting(Measure::id).containsExactly("nps", "logins");
    }

    @Test
    void invalid_yaml_is_reported_at_its_line() {
        assertThat(errors("grades: { green: 70, yellow: 40 }\nmeasures:\n  - id: [unclosed\n"))
                .singleElement().satisfies(d -> {
                    assertThat(d.file()).isEqualTo("scorecard.yaml");
                    assertThat(d.line()).isEqualTo(4);
                    assertThat(d.message()).startsWith("not valid YAML");
                });
    }

    @Test
    void an_empty_file_is_rejected() {
        assertThat(errors("# nothing yet\n")).extracting(ScorecardDiagnostic::message)
                .containsExactly("the scorecard is empty: it needs grades and measures");
    }

    @Test
    void every_mistake_is_listed_with_its_line_and_column_in_file_order() {
        List<ScorecardDiagnostic> errors = errors("""
                grades: { green: 40, yellow: 70 }
                minimumCoverage: 2
                colour: blue
                measures:
                  - id: nps
                    metric: latestNPS
                    weight: 10
                    thresholds:
                      - { atLeast: 9, points: 100 }
                      - { atMost: 3, points: 10 }
                  - id: trend
                    metric: loginTrend
                    weight: -1
                    linear: [[0, 0], [0, 100], [1, 120]]
                  - id: trend
                    metric: loginTrend
                    weight: 1
                  - metric: openTickets
                    weight: 1
                    linear: [[0, 100]]
                    thresholds: [{ points: 1 }]
                """);
        assertThat(errors).extracting(ScorecardDiagnostic::toString).containsExactly(
                "scorecard.yaml:1:30: grades.yellow (70) must be below green (40)",
                "scorecard.yaml:2:18: minimumCoverage must be between 0 and 1, was 2",
                "scorecard.yaml:3:1: the scorecard: unknown key 'colour' (known: grades, measures, minimumCoverage, variants)",
                "scorecard.yaml:6:13: measure 'nps': unknown metric 'latestNPS' (known: " + String.join(", ", Metrics.names()) + ")",
                "scorecard.yaml:10:9: measure 'nps'.thresholds: the last band must have no bound ({points: N}), so that every value scores",
                "scorecard.yaml:13:13: measure 'trend'.weight must be 0 or more, was -1",
                "scorecard.yaml:14:23: measure 'trend'.linear values must increase strictly: 0 comes after 0",
                "scorecard.yaml:14:36: measure 'trend'.linear points must be between 0 and 100, was 120",
                "scorecard.yaml:15:5: measure 'trend' needs exactly one of linear or thresholds",
                "scorecard.yaml:15:9: measure 'trend' is defined twice in measures",
                "scorecard.yaml:18:5: a measure needs an id",
                "scorecard.yaml:18:5: measure '?' needs exactly one of linear or thresholds");
    }

    @Test
    void variant_mistakes_name_the_variant() {
        List<ScorecardDiagnostic> errors = errors(MINIMAL + """
            variants:
              - name: ent
                segments: [ENT]
                weights: { nsp: 5 }
              - name: ent
                segments: [ENT, MID]
              - segments: []
                grades: { green: 80 }
            """);
        assertThat(errors).extracting(ScorecardDiagnostic::message).containsExactly(
                "variant 'ent'.weights: no measure 'nsp' (known: nps)",
                "variant 'ent' is defined twice",
                "variant 'ent': segment 'ENT' already has a variant",
                "a variant needs a name",
                "variant '?' needs segments: [SEGMENT, ...]",
                "variant '?'.grades needs green and yellow");
    }

    @Test
    void a_scorecard_without_any_weight_is_rejected() {
        assertThat(errors(MINIMAL.replace("weight: 10", "weight: 0"))).extracting(ScorecardDiagnostic::message)
                .containsExactly("the scorecard has no measure with a weight above 0");
    }

    @Test
    void grades_must_be_whole_scores() {
        assertThat(errors(MINIMAL.replace("green: 70", "green: 70.5"))).extracting(ScorecardDiagnostic::message)
                .containsExactly("grades: boundaries are whole scores (scores are whole numbers 0-100)");
    }

    private static List<ScorecardDiagnostic> errors(String yaml) {
        try {
            ScorecardParser.parse("scorecard.yaml", yaml);
        } catch (InvalidScorecardException e) {
            return e.diagnostics();
        }
        throw new AssertionError("the scorecard was accepted");
    }
}
