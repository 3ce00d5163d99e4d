package io.cmeautopilot.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.cmeautopilot.rules.RuleFiles;
import io.cmeautopilot.testing.Api;
import io.cmeautopilot.testing.RulesDirectoryTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * A missing template or an unknown variable is an error of the rule book at load, with file and line,
 * through the same path as a compile error: the validation says invalid, a reload is refused (422)
 * and the active version keeps running.
 */
@QuarkusTest
class NotificationTemplateCheckTest {

    static final Path RULES = RulesDirectoryTestResource.DIR;

    static String drl(String pkg, String template) {
        return """
                package %s
                import io.cmeautopilot.rules.api.*

                rule "Tell the owner (%s)" @category("test")
                when
                    $a : AccountFact( segment == "NOBODY-HAS-THIS" )
                then
                    insert(Notification.toOwner($a)
                               .template(%s).build());
                end
                """.formatted(pkg, pkg, template);
    }

    static JsonPath validate(Map<String, String> files) {
        return Api.given().contentType(ContentType.JSON).body(Map.of("files", files)).when().post("/api/rules/validate")
                .then().statusCode(200).extract().jsonPath();
    }

    static String activeVersion() {
        return Api.given().when().get("/api/rules").then().statusCode(200).extract().path("version");
    }

    @Test
    void the_shipped_rule_book_and_its_templates_pass_the_check() {
        JsonPath result = validate(RuleFiles.drl(Path.of("rules")));
        assertThat(result.getBoolean("valid")).isTrue();
        assertThat(result.getList("diagnostics.code")).doesNotContain("template");
    }

    @Test
    void a_template_the_rules_name_that_does_not_exist_is_an_error_on_its_drl_line() {
        JsonPath result = validate(Map.of("zz/missing.drl", drl("rules.missing", "\"no-such-template\"")));
        assertThat(result.getBoolean("valid")).isFalse();
        assertThat(result.getList("diagnostics.findAll { it.code == 'template' }")).hasSize(1);
        String found = "diagnostics.find { it.code == 'template' }";
        assertThat(result.getString(found + ".severity")).isEqualTo("ERROR");
        assertThat(result.getString(found + ".file")).isEqualTo("zz/missing.drl");
        assertThat(result.getInt(found + ".line")).isEqualTo(9);
        assertThat(result.getInt(found + ".column")).isEqualTo(27);
        assertThat(result.getString(found + ".message"))
                .isEqualTo("template 'no-such-template' does not exist: there is no templates/no-such-template.txt");
    }

    @Test
    void a_variable_the_data_will_not_have_is_an_error_on_the_templates_line() throws Exception {
        Path typo = RULES.resolve("templates/zz-typo.txt");
        Files.writeString(typo, "Subject: {account.name}\n\nHello {acount.owner},\n{params.anything} {rule.description}\n");
        try {
            JsonPath result = validate(Map.of("typo.drl", drl("rules.typo", "\"zz-typo\"")));
            assertThat(result.getBoolean("valid")).isFalse();
            assertThat(result.getList("diagnostics.findAll { it.severity == 'ERROR' }.file")).containsExactly("templates/zz-typo.txt");
            String found = "diagnostics.find { it.severity == 'ERROR' }";
            assertThat(result.getString(found + ".code")).isEqualTo("template");
            assertThat(result.getInt(found + ".line")).isEqualTo(3);
            assertThat(result.getString(found + ".message")).startsWith("unknown variable 'acount' in {acount.owner}");
        } finally {
            Files.delete(typo);
        }
    }

    @Test
    void a_computed_template_name_cannot_be_checked_and_is_a_warning() {
        JsonPath result = validate(Map.of("computed.drl", drl("rules.computed", "\"login-\" + \"dropoff\"")));
        assertThat(result.getBoolean("valid")).isTrue();
        assertThat(result.getString("diagnostics.find { it.code == 'template' }.severity")).isEqualTo("WARNING");
        assertThat(result.getString("diagnostics.find { it.code == 'template' }.message"))
                .startsWith("the template name is computed when the rule fires");
    }

    @Test
    void a_template_the_service_sends_itself_must_exist_too() throws Exception {
        Path escalated = RULES.resolve("templates/task-escalated.txt");
        Path aside = RULES.resolve("templates/task-escalated.txt.aside");
        Files.move(escalated, aside);
        try {
            JsonPath result = validate(RuleFiles.drl(RULES));
            assertThat(result.getBoolean("valid")).isFalse();
            assertThat(result.getList("diagnostics.findAll { it.severity == 'ERROR' }.message"))
                    .contains("template 'task-escalated' (for task escalations) does not exist");
        } finally {
            Files.move(aside, escalated, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Test
    void a_reload_naming_a_missing_template_is_refused_and_the_active_version_keeps_running() throws Exception {
        String before = activeVersion();
        Path file = RULES.resolve("zz-reload-missing.drl");
        Files.writeString(file, drl("rules.reloadmissing", "\"not-there\""));
        try {
            Api.given().when().post("/api/rules/reload").then().statusCode(422)
                    .contentType("application/problem+json")
                    .body("diagnostics.find { it.code == 'template' }.file", equalTo("zz-reload-missing.drl"))
                    .body("diagnostics.find { it.code == 'template' }.line", is(9));
            assertThat(activeVersion()).isEqualTo(before);
        } finally {
            Files.delete(file);
        }
        Api.given().when().post("/api/rules/reload").then().statusCode(200);
        assertThat(activeVersion()).isEqualTo(before);
    }

    @Test
    void a_hot_reload_naming_a_missing_template_leaves_the_previous_version_active() throws Exception {
        String before = activeVersion();
        Path file = RULES.resolve("zz-hot-missing.drl");
        Files.writeString(file, drl("rules.hotmissing", "\"not-there-either\""));
        try {
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).until(() -> {
                List<Map<String, Object>> loads = Api.given().queryParam("limit", 5).when().get("/api/rules/versions")
                        .then().statusCode(200).extract().jsonPath().getList("items");
                return loads.stream().anyMatch(l -> "REJECTED".equals(l.get("result")) && "file-watch".equals(l.get("trigger"))
                        && String.valueOf(l.get("diagnostics")).contains("zz-hot-missing.drl"));
            });
            assertThat(activeVersion()).isEqualTo(before);
        } finally {
            Files.delete(file);
        }
        // The watcher sees the files as they were: the same version, still active.
        Api.given().when().post("/api/rules/reload").then().statusCode(200);
        assertThat(activeVersion()).isEqualTo(before);
    }
}
