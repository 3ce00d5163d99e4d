package io.cmeautopilot.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import io.cmeautopilot.common.Roles;
import io.cmeautopilot.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

@QuarkusTest
class LoginPageTest {

    @Test
    void a_page_without_a_session_leads_to_the_login_form_and_back() {
        Response answer = Api.anonymous().redirects().follow(false).when().get("/console/work?status=OPEN");
        assertThat(answer.statusCode()).isEqualTo(303);
        assertThat(answer.header("Location")).endsWith("/console/login?next=%2Fconsole%2Fwork%3Fstatus%3DOPEN");
        var form = Jsoup.parse(Api.anonymous().when().get("/console/login?next=/console/work").asString());
        assertThat(form.select("label[for=username]").text()).isEqualTo("User name");
        assertThat(form.selectFirst("input[name=next]").val()).isEqualTo("/console/work");
    }

    @Test
    void a_cme_logs_in_lands_on_my_work_and_logs_out() {
        String alice = ConsoleClient.person("alice", Api.uniqueName("team"), Roles.CME);
        Response in = Api.anonymous().redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("username", alice).formParam("password", ConsoleClient.PASSWORD)
                .formParam("next", "https://evil.example/steal").when().post("/console/login");
        assertThat(in.statusCode()).isEqualTo(303);
        assertThat(in.header("Location")).endsWith("/console");
        assertThat(String.join("\n", in.headers().getValues("Set-Cookie"))).contains("cme_session=").contains("HttpOnly")
                .containsIgnoringCase("SameSite=Strict");
        ConsoleClient client = ConsoleClient.login(alice);
        assertThat(client.get("/console").header("Location")).endsWith("/console/work");
        Response out = client.submit("/console/logout", Map.of());
        assertThat(out.statusCode()).isEqualTo(303);
        assertThat(out.header("Location")).endsWith("/console/login");
        assertThat(client.get("/console/work").statusCode()).isEqualTo(303);
    }

    @Test
    void a_wrong_password_is_refused_on_the_form_without_saying_which_part_was_wrong() {
        String bob = ConsoleClient.person("bob", null, Roles.OPS);
        Response answer = Api.anonymous().contentType(ContentType.URLENC).formParam("username", bob)
                .formParam("password", "not the password at all").when().post("/console/login");
        assertThat(answer.statusCode()).isEqualTo(401);
        var page = Jsoup.parse(answer.asString());
        assertThat(page.select("#login-error").text()).startsWith("Wrong user name or password");
        assertThat(page.selectFirst("input[name=username]").val()).isEqualTo(bob);
    }

    @Test
    void a_form_without_the_csrf_token_changes_nothing() {
        String carol = ConsoleClient.person("carol", null, Roles.OPS);
        ConsoleClient client = ConsoleClient.login(carol);
        Response forged = client.given().contentType(ContentType.URLENC).formParam("x", "y").when().post("/console/logout");
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(Jsoup.parse(forged.asString()).select(".problem").text()).contains("_csrf");
        assertThat(client.get("/console").statusCode()).isEqualTo(303);
        assertThat(client.get("/console").header("Location")).endsWith("/console/rules");
    }

    @Test
    void a_machine_key_without_a_console_role_is_refused_readably() {
        Response answer = Api.as(Api.keyWithRoles(Roles.INTEGRATION)).redirects().follow(false).when().get("/console");
        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(answer.contentType()).startsWith("text/html");
        assertThat(Jsoup.parse(answer.asString()).select("h1").text()).contains("403");
    }
}
