package io.cmeautopilot.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.cmeautopilot.common.Roles;
import io.cmeautopilot.testing.Api;
import io.cmeautopilot.testing.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

@QuarkusTest
class SessionLoginTest {

    static final String PASSWORD = "correct horse battery staple";

    @AfterEach
    void clock_back() {
        TestClock.reset();
    }

    static String user(String team, String... roles) {
        String username = Api.uniqueName("person");
        Api.given().contentType(ContentType.JSON)
                .body(Map.of("roles", List.of(roles), "team", team, "password", PASSWORD))
                .when().put("/api/users/" + username).then().statusCode(201).body("hasPassword", equalTo(true));
        return username;
    }

    static Response login(String username, String password) {
        return Api.anonymous().contentType(ContentType.JSON).body(Map.of("username", username, "password", password))
                .when().post("/api/session");
    }

    @Test
    void login_sets_a_hardened_cookie_and_the_session_works() {
        String username = user("north", Roles.CME);
        Response ok = login(username, PASSWORD);
        ok.then().statusCode(200).body("username", equalTo(username)).body("authMethod", equalTo("session"));
        String setCookie = ok.getHeader("Set-Cookie");
        assertThat(setCookie).contains("cme_session=").contains("HttpOnly").containsIgnoringCase("SameSite=Strict");
        Api.anonymous().cookie("cme_session", ok.getCookie("cme_session")).when().get("/api/session")
                .then().statusCode(200).body("username", equalTo(username)).body("team", equalTo("north"));
    }

    @Test
    void a_state_change_with_the_cookie_needs_the_csrf_token() {
        String username = user("north", Roles.OPS);
        Response ok = login(username, PASSWORD);
        String cookie = ok.getCookie("cme_session");
        String csrf = ok.jsonPath().getString("csrfToken");
        String body = "{\"externalId\": \"" + Api.uniqueName("csrf") + "\", \"name\": \"CSRF\"}";
        Api.anonymous().cookie("cme_session", cookie).contentType(ContentType.JSON).body(body)
                .when().post("/api/accounts").then().statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("X-CSRF-Token"));
        Api.anonymous().cookie("cme_session", cookie).header("X-CSRF-Token", "forged").contentType(ContentType.JSON)
                .body(body).when().post("/api/accounts").then().statusCode(403);
        Api.anonymous().cookie("cme_session", cookie).header("X-CSRF-Token", csrf).contentType(ContentType.JSON)
                .body(body).when().post("/api/accounts").then().statusCode(201);
    }

    @Test
    void logout_ends_the_session() {
        String username = user("north", Roles.CME);
        Response ok = login(username, PASSWORD);
        String cookie = ok.getCookie("cme_session");
        Api.anonymous().cookie("cme_session", cookie).header("X-CSRF-Token", ok.jsonPath().getString("csrfToken"))
                .when().delete("/api/session").then().statusCode(204);
        Api.anonymous().cookie("cme_session", cookie).when().get("/api/session").then().statusCode(401);
    }

    @Test
    void failures_all_look_the_same_so_users_cannot_be_enumerated() {
        String username = user("north", Roles.CME);
        String wrongPassword = login(username, "not the password at all").then().statusCode(401)
                .contentType("application/problem+json").extract().jsonPath().getString("detail");
        String unknownUser = login(Api.uniqueName("ghost"), PASSWORD).then().statusCode(401)
                .extract().jsonPath().getString("detail");
        assertThat(unknownUser).isEqualTo(wrongPassword);
    }

    @Test
    void repeated_failures_lock_the_account_for_a_while() {
        String username = user("north", Roles.CME);
        for (int i = 0; i < 5; i++) {
            login(username, "wrong password " + i).then().statusCode(401);
        }
        login(username, PASSWORD).then().statusCode(401);   // locked: even the right password fails
        Api.given().when().get("/api/users/" + username).then().body("locked", equalTo(true));
        TestClock.advance(Duration.ofMinutes(2));
        login(username, PASSWORD).then().statusCode(200);
        Api.given().when().get("/api/users/" + username).then().body("locked", equalTo(false));
    }

    @Test
    void disabling_a_user_or_changing_the_password_ends_their_sessions() {
        String username = user("north", Roles.CME);
        String cookie = login(username, PASSWORD).getCookie("cme_session");
        Api.given().contentType(ContentType.JSON)
                .body(Map.of("roles", List.of(Roles.CME), "team", "north", "password", "a brand new long password"))
                .when().put("/api/users/" + username).then().statusCode(200);
        Api.anonymous().cookie("cme_session", cookie).when().get("/api/session").then().statusCode(401);
        login(username, PASSWORD).then().statusCode(401);
        String fresh = login(username, "a brand new long password").then().statusCode(200).extract().cookie("cme_session");
        Api.given().contentType(ContentType.JSON).body(Map.of("roles", List.of(Roles.CME), "disabled", true))
                .when().put("/api/users/" + username).then().statusCode(200);
        Api.anonymous().cookie("cme_session", fresh).when().get("/api/session").then().statusCode(401);
        login(username, "a brand new long password").then().statusCode(401);
    }

    @Test
    void an_idle_session_expires() {
        String cookie = login(user("north", Roles.CME), PASSWORD).getCookie("cme_session");
        TestClock.advance(Duration.ofHours(3));
        Api.anonymous().cookie("cme_session", cookie).when().get("/api/session").then().statusCode(401);
    }

    @Test
    void weak_passwords_and_unknown_roles_are_refused() {
        Api.given().contentType(ContentType.JSON).body(Map.of("roles", List.of(Roles.CME), "password", "short"))
                .when().put("/api/users/" + Api.uniqueName("weak")).then().statusCode(422)
                .body("errors[0].field", equalTo("password"));
        Api.given().contentType(ContentType.JSON).body(Map.of("roles", List.of("root")))
                .when().put("/api/users/" + Api.uniqueName("root")).then().statusCode(422);
    }
}
