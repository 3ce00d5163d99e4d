package io.cmeautopilot.security;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.cmeautopilot.common.Roles;
import io.cmeautopilot.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class AuditTest {

    @Test
    void changes_to_users_and_keys_are_audited_with_who_what_and_when() {
        String admin = Api.uniqueName("admin");
        String adminKey = Api.userKey(admin, null, Roles.ADMIN);
        String username = Api.uniqueName("audited");
        Api.as(adminKey).contentType(ContentType.JSON).body(Map.of("roles", List.of(Roles.CME)))
                .when().put("/api/users/" + username).then().statusCode(201);
        long keyId = Api.as(adminKey).contentType(ContentType.JSON)
                .body(Map.of("name", "audited-key", "roles", List.of(Roles.INTEGRATION)))
                .when().post("/api/keys").then().statusCode(201).extract().jsonPath().getLong("apiKey.id");
        Api.as(adminKey).when().delete("/api/keys/" + keyId).then().statusCode(200);
        Api.as(adminKey).when().delete("/api/users/" + username).then().statusCode(204);

        Api.given().queryParam("actor", admin).when().get("/api/audit").then().statusCode(200)
                .body("items.action", equalTo(List.of("user.deleted", "api-key.revoked", "api-key.created", "user.created")))
                .body("items.targetId", hasItems(username, String.valueOf(keyId)))
                .body("items[0].at", org.hamcrest.Matchers.notNullValue());
        Api.given().queryParam("actor", admin).queryParam("limit", 2).when().get("/api/audit").then()
                .body("items", org.hamcrest.Matchers.hasSize(2)).body("nextCursor", org.hamcrest.Matchers.notNullValue());
    }
}
