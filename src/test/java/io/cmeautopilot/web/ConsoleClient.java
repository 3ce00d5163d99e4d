package io.cmeautopilot.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import io.cmeautopilot.testing.Api;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * A person using the console over plain HTTP (no JavaScript): logs in through the form, keeps the
 * session cookie, reads pages as HTML and sends forms with the page's CSRF token.
 */
final class ConsoleClient {

    static final String PASSWORD = "correct horse battery staple";

    private final String cookie;
    private String csrf;

    private ConsoleClient(String cookie) {
        this.cookie = cookie;
    }

    /** A new user with a password, these roles and team. */
    static String person(String prefix, String team, String... roles) {
        String username = Api.uniqueName(prefix);
        Map<String, Object> body = new java.util.HashMap<>(Map.of("roles", List.of(roles), "password", PASSWORD));
        if (team != null) {
            body.put("team", team);
        }
        Api.given().contentType(ContentType.JSON).body(body).when().put("/api/users/" + username).then().statusCode(201);
        return username;
    }

    static ConsoleClient login(String username) {
        Response answer = Api.anonymous().redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("username", username).formParam("password", PASSWORD).when().post("/console/login");
        assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(303);
        ConsoleClient client = new ConsoleClient(answer.getCookie("cme_session"));
        client.page("/console/login");
        return client;
    }

    RequestSpecification given() {
        return Api.anonymous().redirects().follow(false).cookie("cme_session", cookie);
    }

    /** GETs a page, checks it answered 200, remembers the CSRF token it carries. */
    Document page(String path) {
        Response answer = given().when().get(path);
        assertThat(answer.statusCode()).as(path + ": " + answer.asString()).isEqualTo(200);
        return parse(answer);
    }

    Response get(String path) {
        return given().when().get(path);
    }

    /** POSTs a form as a browser without JavaScript does (with the CSRF token). */
    Response submit(String path, Map<String, ?> fields) {
        return given().contentType(ContentType.URLENC).formParams(fields).formParam("_csrf", csrf).when().post(path);
    }

    /** POSTs a form as htmx does (the token in the header, HX-Request set). */
    Response htmx(String path, Map<String, ?> fields) {
        RequestSpecification spec = given().header("HX-Request", "true").header("X-CSRF-Token", csrf)
                .header("HX-Current-URL", "http://localhost/console/work");
        return (fields.isEmpty() ? spec : spec.contentType(ContentType.URLENC).formParams(fields)).when().post(path);
    }

    Document parse(Response answer) {
        Document doc = Jsoup.parse(answer.asString());
        var token = doc.selectFirst("input[name=_csrf]");
        if (token != null && !token.val().isEmpty()) {
            csrf = token.val();
        }
        return doc;
    }

    String csrf() {
        return csrf;
    }
}
