package io.cmeautopilot.notify.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.cmeautopilot.testing.Api;
import io.cmeautopilot.testing.RulesDirectoryTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Rendering the templates in the rules directory: subject line, text, escaped HTML, strictness. */
@QuarkusTest
class TemplatesTest {

    @Inject
    Templates templates;

    static Map<String, Object> data(String name) {
        return Map.of("account", Map.of("name", name, "externalId", "acme", "owner", "alice", "daysSinceLastLogin", 21),
                "rule", "Churn: no login for 14 days");
    }

    @Test
    void renders_subject_text_and_html_from_the_starter_template() {
        RenderedTemplate r = templates.render("login-dropoff", data("Acme"));
        assertThat(r.subject()).isEqualTo("Acme: no login for 21 days");
        assertThat(r.text()).startsWith("Hello alice,\n\nNobody at Acme (acme) has logged in for 21 days.")
                .contains("rule \"Churn: no login for 14 days\"");
        assertThat(r.html()).contains("<strong>Acme</strong>");
    }

    @Test
    void values_are_escaped_in_html_but_not_in_text() {
        RenderedTemplate r = templates.render("login-dropoff", data("<script>x</script> & Co"));
        assertThat(r.html()).contains("&lt;script&gt;x&lt;/script&gt; &amp; Co").doesNotContain("<script>");
        assertThat(r.text()).contains("<script>x</script> & Co");
    }

    @Test
    void a_missing_value_or_template_is_an_error_naming_file_and_line_never_an_empty_string() {
        assertThatThrownBy(() -> templates.render("login-dropoff", Map.of("account", Map.of("name", "Acme"))))
                .isInstanceOf(TemplateRenderingException.class).hasMessageStartingWith("templates/login-dropoff.txt:1: Key \"daysSinceLastLogin\" not found");
        assertThatThrownBy(() -> templates.render("no-such-template", Map.of()))
                .isInstanceOf(TemplateRenderingException.class).hasMessageContaining("does not exist");
        assertThatThrownBy(() -> templates.render("../etc/passwd", Map.of())).isInstanceOf(TemplateRenderingException.class);
    }

    @Test
    void a_changed_file_is_rendered_as_it_is_now() throws IOException {
        Path file = RulesDirectoryTestResource.DIR.resolve("templates").resolve("changing.txt");
        Files.writeString(file, "Subject: one\n\nfirst {account.name}");
        assertThat(templates.render("changing", data("A")).text()).isEqualTo("first A");
        Files.writeString(file, "second version {account.name}");
        assertThat(file.toFile().setLastModified(System.currentTimeMillis() + 5_000)).isTrue();
        RenderedTemplate changed = templates.render("changing", data("A"));
        assertThat(changed.subject()).isNull();
        assertThat(changed.text()).isEqualTo("second version A");
        Files.delete(file);
    }

    @Test
    void operators_list_the_templates_and_preview_one() {
        Api.given().when().get("/api/notify/templates").then().statusCode(200)
                .body("templates", hasItem("health-red")).body("diagnostics.size()", is(0));
        Api.given().contentType(ContentType.JSON).body(Map.of("data", data("Acme")))
                .when().post("/api/notify/templates/login-dropoff/preview").then().statusCode(200)
                .body("subject", is("Acme: no login for 21 days"));
        Api.given().contentType(ContentType.JSON).body(Map.of("data", Map.of()))
                .when().post("/api/notify/templates/login-dropoff/preview").then().statusCode(422);
        Api.given().contentType(ContentType.JSON).body(Map.of("data", Map.of()))
                .when().post("/api/notify/templates/nope/preview").then().statusCode(404);
    }
}
