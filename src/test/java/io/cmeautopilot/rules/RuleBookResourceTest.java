package io.cmeautopilot.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.cmeautopilot.common.Roles;
import io.cmeautopilot.testing.Api;
import io.cmeautopilot.testing.RulesDirectoryTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import static org.awaitility.Awaitility.await;

@QuarkusTest
class RuleBookResourceTest {

    private static final Path DIR = RulesDirectoryTestResource.DIR;

    static String ops() {
        return Api.keyWithRoles(Roles.OPS);
    }

    @Test
    void ops_lists_the_active_rules_with_metadata_file_and_line() {
        Api.as(ops()).when().get("/api/rules").then().statusCode(200)
                .body("version", org.hamcrest.Matchers.matchesPattern("[0-9a-f]{64}"))
                .body("ruleCount", greaterThanOrEqualTo(18))
                .body("rules.find { it.name == 'Churn: no login for 14 days' }.file", equalTo("churn.drl"))
                .body("rules.find { it.name == 'Churn: no login for 14 days' }.line", greaterThanOrEqualTo(1))
                .body("rules.find { it.name == 'Churn: no login for 14 days' }.cooldown", equalTo("PT336H"))
                .body("rules.find { it.name == 'Churn: no login for 14 days' }.autoResolve", is(true))
                .body("rules.find { it.name == 'Churn: no login for 14 days' }.category", equalTo("churn-prevention"));
    }

    @Test
    void a_broken_rule_book_on_disk_is_rejected_with_diagnostics_and_the_working_one_stays_active() throws IOException {
        String active = Api.as(ops()).when().get("/api/rules").then().extract().path("version");
        Path broken = DIR.resolve("zz-broken.drl");
        try {
            Files.writeString(broken, "package rules.broken\nimport io.cmeautopilot.rules.api.*\nrule \"B\" @category(\"x\")\nwhen\n  $a : AccountFact( daysSinceLastLogin >= )\nthen\nend\n");
            Api.as(ops()).when().post("/api/rules/reload").then().statusCode(422)
                    .contentType(startsWith("application/problem+json"))
                    .body("type", equalTo("https://cme-autopilot.io/problems/rule-book-invalid"))
                    .body("detail", org.hamcrest.Matchers.containsString(active))
                    .body("diagnostics[0].file", equalTo("zz-broken.drl"))
                    .body("diagnostics[0].line", equalTo(5))
                    .body("diagnostics[0].column", equalTo(43))
                    .body("errors[0].field", equalTo("zz-broken.drl:5:43"));
            Api.as(ops()).when().get("/api/rules").then().body("version", equalTo(active));
            Api.as(ops()).when().get("/api/rules/versions").then().statusCode(200)
                    .body("items[0].result", equalTo("REJECTED"))
                    .body("items[0].active", is(false))
                    .body("items.find { it.active }.version", equalTo(active));
        } finally {
            Files.deleteIfExists(broken);
        }
        Api.as(ops()).when().post("/api/rules/reload").then().statusCode(200)
                .body("result", equalTo("UNCHANGED")).body("version", equalTo(active));
    }

    @Test
    void a_reload_that_changes_the_rules_activates_them_and_is_audited() throws IOException {
        String before = Api.as(ops()).when().get("/api/rules").then().extract().path("version");
        Path extra = DIR.resolve("zz-extra.drl");
        String actor = Api.uniqueName("ops");
        String key = Api.userKey(actor, null, Roles.OPS);
        try {
            Files.writeString(extra, Drl.file("rules.extra", "rule \"Extra\" @category(\"x\")\nwhen\n  $a : AccountFact()\nthen\nend\n"));
            String after = Api.as(key).when().post("/api/rules/reload").then().statusCode(200)
                    .body("result", equalTo("ACTIVATED")).extract().path("version");
            assertThat(after).isNotEqualTo(before);
            Api.given().queryParam("actor", actor).when().get("/api/audit").then()
                    .body("items[0].action", equalTo("rules.activated"))
                    .body("items[0].targetId", equalTo(after))
                    .body("items[0].details.previousVersion", equalTo(before));
        } finally {
            Files.deleteIfExists(extra);
            Api.as(ops()).when().post("/api/rules/reload").then().statusCode(200).body("version", equalTo(before));
        }
    }

    @Test
    void validate_reports_diagnostics_for_given_files_and_activates_nothing() {
        String active = Api.as(ops()).when().get("/api/rules").then().extract().path("version");
        Api.as(ops()).contentType(ContentType.JSON)
                .body(Map.of("files", Map.of("evil.drl", "package x\nimport java.io.File\nrule \"E\" @category(\"x\") when then end\n",
                        "ok.drl", Drl.file("rules.ok", "rule \"Ok\" @category(\"x\") @cooldown(\"soon\")\nwhen\nthen\nend\n"))))
                .when().post("/api/rules/validate").then().statusCode(200)
                .body("valid", is(false))
                .body("diagnostics.code", hasItem("forbidden-import"))
                .body("diagnostics.find { it.code == 'forbidden-import' }.line", equalTo(2))
                .body("diagnostics.find { it.code == 'metadata' }.file", equalTo("ok.drl"));
        Api.as(ops()).contentType(ContentType.JSON)
                .body(Map.of("files", Map.of("ok.drl", Drl.file("rules.ok", "rule \"Ok\" @category(\"x\")\nwhen\nthen\nend\n"))))
                .when().post("/api/rules/validate").then().statusCode(200)
                .body("valid", is(true)).body("rules[0].name", equalTo("Ok")).body("rules[0].line", equalTo(5));
        Api.as(ops()).when().get("/api/rules").then().body("version", equalTo(active));
        Api.as(ops()).contentType(ContentType.JSON).body(Map.of("files", Map.of()))
                .when().post("/api/rules/validate").then().statusCode(422);
    }

    @Test
    void scenarios_run_against_a_rule_book_that_is_not_active() {
        String drl = Drl.file("rules.t", """
                rule "Quiet account"
                    @category("x")
                when
                    $a : AccountFact( daysSinceLastLogin >= 7 )
                then
                    insert(Task.forAccount($a).type("churn-risk").title("quiet").build());
                end
                """);
        String scenarios = """
                scenarios:
                  - name: quiet for a week
                    account: { daysSinceLastLogin: 7 }
                    expect: [ { rule: "Quiet account", type: churn-risk } ]
                  - name: this one is wrong on purpose
                    account: { daysSinceLastLogin: 1 }
                    expect: [ { rule: "Quiet account" } ]
                """;
        Api.as(ops()).contentType(ContentType.JSON)
                .body(Map.of("files", Map.of("t.drl", drl), "scenarios", Map.of("tests/t.yaml", scenarios)))
                .when().post("/api/rules/test").then().statusCode(200)
                .body("total", equalTo(2)).body("passed", equalTo(1)).body("failed", equalTo(1))
                .body("results[0].passed", is(true))
                .body("results[1].name", equalTo("this one is wrong on purpose"))
                .body("results[1].failures[0]", org.hamcrest.Matchers.containsString("was not proposed"));
        // Without scenarios, those of the rules directory run: against a book lacking their rules, they fail.
        Api.as(ops()).contentType(ContentType.JSON).body(Map.of("files", Map.of("t.drl", drl)))
                .when().post("/api/rules/test").then().statusCode(200).body("failed", greaterThanOrEqualTo(10));
        Api.as(ops()).contentType(ContentType.JSON).body(Map.of("files", Map.of("t.drl", "rule")))
                .when().post("/api/rules/test").then().statusCode(422).body("diagnostics[0].file", equalTo("t.drl"));
    }

    @Test
    void cme_users_may_not_touch_rules() {
        Api.as(Api.keyWithRoles(Roles.CME)).when().get("/api/rules").then().statusCode(403);
        Api.as(Api.keyWithRoles(Roles.CME)).when().post("/api/rules/reload").then().statusCode(403);
    }

    static void awaitVersion(String version) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                Api.as(ops()).when().get("/api/rules").then().body("version", equalTo(version)));
    }

}
