package io.cmeautopilot.security;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.cmeautopilot.common.Roles;
import io.cmeautopilot.testing.Api;
import io.cmeautopilot.testing.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class ApiKeyTest {

    @AfterEach
    void clock_back() {
        TestClock.reset();
    }

    @Test
    void a_key_is_shown_once_and_never_listed() {
        var created = Api.given().contentType(ContentType.JSON).body(Map.of("name", Api.uniqueName("ci"), "roles",
                List.of(Roles.INTEGRATION))).when().post("/api/keys")
                .then().statusCode(201).body("key", startsWith("cme_")).body("apiKey.prefix", notNullValue())
                .extract().jsonPath();
        String key = created.getString("key");
        String listed = Api.given().when().get("/api/keys").then().statusCode(200).extract().asString();
        org.assertj.core.api.Assertions.assertThat(listed).doesNotContain(key).doesNotContain(key.substring(12));
        Api.as(key).when().get("/api/session").then().statusCode(200)
                .body("roles", equalTo(List.of(Roles.INTEGRATION))).body("authMethod", equalTo("api-key"));
    }

    @Test
    void a_revoked_key_stops_working_at_once() {
        var created = Api.given().contentType(ContentType.JSON).body(Map.of("name", Api.uniqueName("revoke-me"),
                "roles", List.of(Roles.OPS))).when().post("/api/keys").then().statusCode(201).extract().jsonPath();
        String key = created.getString("key");
        Api.as(key).when().get("/api/accounts").then().statusCode(200);
        Api.given().when().delete("/api/keys/" + created.getLong("apiKey.id")).then().statusCode(200)
                .body("revokedAt", notNullValue());
        Api.as(key).when().get("/api/accounts").then().statusCode(401).contentType("application/problem+json");
        Api.given().when().delete("/api/keys/" + created.getLong("apiKey.id")).then().statusCode(200);
        Api.given().when().delete("/api/keys/987654321").then().statusCode(404);
    }

    @Test
    void an_expired_key_is_refused() {
        String key = Api.given().contentType(ContentType.JSON).body(Map.of("name", Api.uniqueName("short"),
                "roles", List.of(Roles.OPS), "expiresAt", Instant.now().plus(Duration.ofHours(1)).toString()))
                .when().post("/api/keys").then().statusCode(201).extract().jsonPath().getString("key");
        Api.as(key).when().get("/api/accounts").then().statusCode(200);
        TestClock.advance(Duration.ofHours(2));
        Api.as(key).when().get("/api/accounts").then().statusCode(401);
    }

    @Test
    void a_key_never_exceeds_its_owners_current_roles() {
        String username = Api.uniqueName("demoted");
        String key = Api.userKey(username, null, Roles.OPS, Roles.CME);
        Api.as(key).when().get("/api/session").then().body("roles", equalTo(List.of(Roles.CME, Roles.OPS)));
        Api.given().contentType(ContentType.JSON).body(Map.of("roles", List.of(Roles.CME)))
                .when().put("/api/users/" + username).then().statusCode(200);
        Api.as(key).when().get("/api/session").then().body("roles", equalTo(List.of(Roles.CME)))
                .body("username", equalTo(username));
        Api.given().contentType(ContentType.JSON).body(Map.of("roles", List.of(Roles.CME), "disabled", true))
                .when().put("/api/users/" + username).then().statusCode(200);
        Api.as(key).when().get("/api/session").then().statusCode(401);
    }

    @Test
    void invalid_key_requests_are_rejected() {
        Api.given().contentType(ContentType.JSON).body(Map.of("name", "x", "roles", List.of("superuser")))
                .when().post("/api/keys").then().statusCode(422).body("errors[0].field", equalTo("roles"));
        Api.given().contentType(ContentType.JSON).body(Map.of("name", "x", "roles", List.of()))
                .when().post("/api/keys").then().statusCode(422);
        Api.given().contentType(ContentType.JSON).body(Map.of("name", "x", "roles", List.of(Roles.OPS),
                "expiresAt", "2020-01-01T00:00:00Z")).when().post("/api/keys").then().statusCode(422)
                .body("errors[0].field", equalTo("expiresAt"));
        Api.given().contentType(ContentType.JSON).body(Map.of("name", "x", "roles", List.of(Roles.OPS),
                "owner", "nobody-" + Api.uniqueName("x"))).when().post("/api/keys").then().statusCode(422);
        Api.given().when().get("/api/keys").then().body("name", not(hasItem("x")));
    }
}
