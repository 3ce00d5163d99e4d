package io.cmeautopilot.health;

import static io.cmeautopilot.testing.Api.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.cmeautopilot.common.Roles;
import io.cmeautopilot.health.scorecard.ScorecardParser;
import io.cmeautopilot.testing.Api;
import io.cmeautopilot.testing.RulesDirectoryTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The scorecard is hot-reloaded from its file, versioned by content, and a broken one never replaces a working one. */
@QuarkusTest
class ScorecardReloadTest {

    static final Path FILE = RulesDirectoryTestResource.DIR.resolve("scorecard.yaml");
    String original;

    @BeforeEach
    void keep_the_original() throws IOException {
        original = Files.readString(FILE);
    }

    @AfterEach
    void put_it_back() throws IOException {
        Files.writeString(FILE, original);
        given().when().post("/api/health/scorecard/reload").then().statusCode(200);
        given().when().get("/api/health/scorecard").then().body("version", equalTo(ScorecardParser.version(original)));
    }

    static String activeVersion() {
        return given().when().get("/api/health/scorecard").then().statusCode(200).extract().jsonPath().getString("version");
    }

    @Test
    void a_changed_file_is_picked_up_by_the_watcher_and_versioned_by_its_content() throws IOException {
        String before = activeVersion();
        assertThat(before).isEqualTo(ScorecardParser.version(original));
        String tuned = original.replace("grades: { green: 70, yellow: 40 }", "grades: { green: 80, yellow: 40 }") + "# tuned\n";
        Files.writeString(FILE, tuned);
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250))
                .until(() -> !activeVersion().equals(before));
        given().when().get("/api/health/scorecard").then().statusCode(200)
                .body("version", equalTo(ScorecardParser.version(tuned)))
                .body("variants[0].name", equalTo("default"))
                .body("variants[0].grades.green", equalTo(80))
                .body("variants[1].segments", equalTo(java.util.List.of("ENT")))
                .body("variants[0].measures.find { it.id == 'nps' }.scoring", equalTo("thresholds: >= 9 -> 100, >= 7 -> 60, otherwise -> 10"));
    }

    @Test
    void a_broken_file_is_rejected_with_its_lines_and_the_working_scorecard_stays() throws IOException {
        String before = activeVersion();
        Files.writeString(FILE, "grades: { green: 70 }\nmeasures:\n  - id: nps\n    metric: nps\n");
        given().when().post("/api/health/scorecard/reload").then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://cme-autopilot.io/problems/scorecard-invalid"))
                .body("errors.field", equalTo(java.util.List.of("scorecard.yaml:1:9", "scorecard.yaml:3:5",
                        "scorecard.yaml:3:5", "scorecard.yaml:4:13")))
                .body("errors[3].message", org.hamcrest.Matchers.startsWith("measure 'nps': unknown metric 'nps'"));
        assertThat(activeVersion()).isEqualTo(before);
    }

    @Test
    void validation_checks_a_scorecard_without_activating_it_and_is_for_ops() {
        String before = activeVersion();
        given().contentType("text/plain").body("grades: { green: 70, yellow: 40 }\nmeasures: [{ id: x }]\n")
                .when().post("/api/health/scorecard/validate").then().statusCode(200)
                .body("valid", equalTo(false)).body("errors", hasSize(3)).body("errors[0].line", equalTo(2));
        given().contentType("application/yaml").body(original.getBytes(java.nio.charset.StandardCharsets.UTF_8)).when().post("/api/health/scorecard/validate").then()
                .statusCode(200).body("valid", equalTo(true)).body("version", equalTo(ScorecardParser.version(original)));
        Api.as(Api.keyWithRoles(Roles.CME)).contentType("text/plain").body(original)
                .when().post("/api/health/scorecard/validate").then().statusCode(403);
        Api.as(Api.keyWithRoles(Roles.CME)).when().get("/api/health/scorecard").then().statusCode(200);
        assertThat(activeVersion()).isEqualTo(before);
    }
}
