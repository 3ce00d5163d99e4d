package io.cmeautopilot.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.cmeautopilot.testing.Api;
import io.cmeautopilot.testing.RulesDirectoryTestResource;
import io.cmeautopilot.testing.Runs;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** A rule that proposes more than its @maxPerRun in one run is tripped: the rest is held, ops are told. */
@QuarkusTest
class MaxPerRunTest {

    @Test
    void a_rule_over_its_max_per_run_is_tripped_and_its_excess_held() throws Exception {
        String segment = Api.uniqueName("CAPPED");
        for (int i = 0; i < 5; i++) {
            Api.given().contentType(ContentType.JSON)
                    .body(Map.of("externalId", Api.uniqueName("cap"), "name", "Capped " + i, "segment", segment))
                    .when().post("/api/accounts").then().statusCode(201);
        }
        Path rule = RulesDirectoryTestResource.DIR.resolve("zz-capped.drl");
        try {
            Files.writeString(rule, """
                    package rules.capped
                    import io.cmeautopilot.rules.api.*
                    rule "Capped" @category("test") @maxPerRun(2)
                    when
                        $a : AccountFact( segment == "%s" )
                    then
                        insert(Task.forAccount($a).type("custom").title("Capped").build());
                    end
                    """.formatted(segment));
            Api.given().when().post("/api/rules/reload").then().statusCode(200).body("result", equalTo("ACTIVATED"));
            // A segment is evaluated asynchronously, in chunks of 3 (test profile): the cap holds across chunks.
            JsonPath run = Runs.evaluate(Map.of("scope", Map.of("segment", segment)));
            assertThat(run.getInt("progress.chunksTotal")).isEqualTo(2);
            assertThat(run.getInt("rules.Capped.proposed")).isEqualTo(5);
            assertThat(run.getInt("rules.Capped.created")).isEqualTo(2);
            assertThat(run.getInt("rules.Capped.tripped")).isEqualTo(3);
            assertThat(run.getList("failures.error")).anyMatch(e -> e.toString().contains("tripped its @maxPerRun(2)"));
        } finally {
            Files.deleteIfExists(rule);
            Api.given().when().post("/api/rules/reload").then().statusCode(200);
        }
    }
}
