package io.cmeautopilot.accounts;

import static io.cmeautopilot.testing.Api.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class AccountResourceTest {

    private static final String PROBLEM = "application/problem+json";

    static String uniqueId(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String accountJson(String externalId, String name) {
        return """
                {"externalId": "%s", "name": "%s", "segment": "SMB", "tier": "gold", "owner": "alice",
                 "team": "emea", "stage": "ADOPTION", "signupDate": "2026-01-15", "goLiveDate": "2026-02-01",
                 "attributes": {"Contract": "Enterprise", "Seats": 40, "Pilot": true,
                                "Kickoff": {"type": "date", "value": "2026-01-20"}}}
                """.formatted(externalId, name);
    }

    static long createAccount(String externalId) {
        return given().contentType(ContentType.JSON).body(accountJson(externalId, "Acme " + externalId))
                .when().post("/api/accounts")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    @Test
    void create_returns_the_account_with_typed_attributes_and_a_location() {
        String ext = uniqueId("acme");
        given().contentType(ContentType.JSON).body(accountJson(ext, "Acme"))
                .when().post("/api/accounts")
                .then().statusCode(201)
                .header("Location", containsString("/api/accounts/"))
                .header("ETag", "\"0\"")
                .body("externalId", equalTo(ext))
                .body("stage", equalTo("ADOPTION"))
                .body("attributes.Contract.type", equalTo("string"))
                .body("attributes.Contract.value", equalTo("Enterprise"))
                .body("attributes.Seats.type", equalTo("number"))
                .body("attributes.Seats.value", equalTo(40))
                .body("attributes.Pilot.value", equalTo(true))
                .body("attributes.Kickoff.type", equalTo("date"))
                .body("attributes.Kickoff.value", equalTo("2026-01-20"));
    }

    @Test
    void creating_a_second_account_with_the_same_external_id_is_a_conflict() {
        String ext = uniqueId("dup");
        createAccount(ext);
        given().contentType(ContentType.JSON).body(accountJson(ext, "Other"))
                .when().post("/api/accounts")
                .then().statusCode(409).contentType(PROBLEM)
                .body("title", equalTo("Conflict"))
                .body("detail", containsString(ext));
    }

    @Test
    void upsert_by_external_id_is_idempotent() {
        String ext = uniqueId("upsert");
        long id = given().contentType(ContentType.JSON).body(accountJson(ext, "First"))
                .when().put("/api/accounts/by-external-id/" + ext)
                .then().statusCode(201).extract().jsonPath().getLong("id");
        for (int i = 0; i < 2; i++) {
            given().contentType(ContentType.JSON).body(accountJson(ext, "Second"))
                    .when().put("/api/accounts/by-external-id/" + ext)
                    .then().statusCode(200)
                    .body("id", equalTo((int) id))
                    .body("name", equalTo("Second"));
        }
        given().queryParam("q", "Second").queryParam("limit", 500)
                .when().get("/api/accounts")
                .then().statusCode(200)
                .body("items.findAll { it.externalId == '" + ext + "' }", hasSize(1));
    }

    @Test
    void upsert_with_a_different_external_id_in_the_body_is_rejected() {
        String ext = uniqueId("mismatch");
        given().contentType(ContentType.JSON).body(accountJson("something-else", "X"))
                .when().put("/api/accounts/by-external-id/" + ext)
                .then().statusCode(422).contentType(PROBLEM)
                .body("errors[0].field", equalTo("externalId"));
        given().when().get("/api/accounts/by-external-id/" + ext).then().statusCode(404);
    }

    @Test
    void stale_if_match_is_refused_and_changes_nothing() {
        String ext = uniqueId("etag");
        long id = createAccount(ext);
        given().contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                .body("{\"name\": \"Renamed\"}")
                .when().patch("/api/accounts/" + id)
                .then().statusCode(200).header("ETag", "\"1\"").body("name", equalTo("Renamed"));
        given().contentType("application/merge-patch+json").header("If-Match", "\"0\"")
                .body("{\"name\": \"Lost update\"}")
                .when().patch("/api/accounts/" + id)
                .then().statusCode(412).contentType(PROBLEM);
        given().when().get("/api/accounts/" + id).then().body("name", equalTo("Renamed"));
    }

    @Test
    void merge_patch_changes_only_what_it_names_and_null_removes_an_attribute() {
        long id = createAccount(uniqueId("patch"));
        given().contentType("application/merge-patch+json")
                .body("{\"owner\": \"bob\", \"attributes\": {\"Pilot\": null, \"Seats\": 45}}")
                .when().patch("/api/accounts/" + id)
                .then().statusCode(200)
                .body("owner", equalTo("bob"))
                .body("segment", equalTo("SMB"))
                .body("attributes.Pilot", nullValue())
                .body("attributes.Seats.value", equalTo(45))
                .body("attributes.Contract.value", equalTo("Enterprise"));
    }

    @Test
    void patch_with_invalid_values_reports_each_field_and_changes_nothing() {
        long id = createAccount(uniqueId("badpatch"));
        given().contentType("application/merge-patch+json")
                .body("{\"name\": \"\", \"attributes\": {\"Renewal\": {\"type\": \"date\", \"value\": \"soon\"}}}")
                .when().patch("/api/accounts/" + id)
                .then().statusCode(422).contentType(PROBLEM)
                .body("errors.field", hasItem("attributes.Renewal"));
        given().contentType("application/merge-patch+json").body("{\"name\": \"\"}")
                .when().patch("/api/accounts/" + id)
                .then().statusCode(422).contentType(PROBLEM)
                .body("errors.field", hasItem("name"));
        given().when().get("/api/accounts/" + id).then().body("name", containsString("Acme"));
    }

    @Test
    void list_filters_and_pages_with_a_stable_cursor() {
        String team = uniqueId("team");
        for (int i = 0; i < 5; i++) {
            String ext = uniqueId("page");
            given().contentType(ContentType.JSON)
                    .body("{\"externalId\": \"" + ext + "\", \"name\": \"P" + i + "\", \"team\": \"" + team + "\"}")
                    .when().post("/api/accounts").then().statusCode(201);
        }
        var first = given().queryParam("team", team).queryParam("limit", 2)
                .when().get("/api/accounts").then().statusCode(200)
                .body("items", hasSize(2)).body("nextCursor", notNullValue()).extract().jsonPath();
        var second = given().queryParam("team", team).queryParam("limit", 2).queryParam("cursor", first.getString("nextCursor"))
                .when().get("/api/accounts").then().statusCode(200).body("items", hasSize(2)).extract().jsonPath();
        given().queryParam("team", team).queryParam("limit", 2).queryParam("cursor", second.getString("nextCursor"))
                .when().get("/api/accounts").then().statusCode(200)
                .body("items", hasSize(1)).body("nextCursor", nullValue());
    }

    @Test
    void a_forged_cursor_is_a_bad_request() {
        given().queryParam("cursor", "not-a-cursor").when().get("/api/accounts")
                .then().statusCode(400).contentType(PROBLEM).body("detail", containsString("cursor"));
    }

    @Test
    void delete_removes_the_account_and_unknown_ids_are_404() {
        long id = createAccount(uniqueId("del"));
        given().when().delete("/api/accounts/" + id).then().statusCode(204);
        given().when().get("/api/accounts/" + id).then().statusCode(404).contentType(PROBLEM)
                .body("status", equalTo(404)).body("instance", equalTo("/api/accounts/" + id));
        given().when().delete("/api/accounts/" + id).then().statusCode(404).contentType(PROBLEM);
    }
}
