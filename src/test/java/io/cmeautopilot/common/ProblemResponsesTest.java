package io.cmeautopilot.common;

import static io.cmeautopilot.testing.Api.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Every error is RFC 9457 problem+json and never shows a class name or a stack trace. */
@QuarkusTest
class ProblemResponsesTest {

    private static final String PROBLEM = "application/problem+json";

    @Test
    void malformed_json_is_a_400_problem_with_the_location() {
        given().contentType(ContentType.JSON).body("{\"externalId\": \"x\", \"name\": ")
                .when().post("/api/accounts")
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("https://cme-autopilot.io/problems/malformed-json"))
                .body("title", equalTo("Malformed JSON"))
                .body("status", equalTo(400))
                .body("instance", equalTo("/api/accounts"))
                .body("detail", allOf(containsString("line"), not(containsString("com.fasterxml"))));
    }

    @Test
    void a_wrong_type_names_the_field_and_the_expected_json_type() {
        given().contentType(ContentType.JSON)
                .body("{\"externalId\": \"x\", \"name\": \"n\", \"signupDate\": 20260101}")
                .when().post("/api/accounts")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("signupDate"))
                .body("detail", not(containsString("java.")));
        given().contentType(ContentType.JSON)
                .body("{\"externalId\": \"x\", \"name\": \"n\", \"stage\": \"SLEEPING\"}")
                .when().post("/api/accounts")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("stage"))
                .body("errors[0].message", containsString("one of ONBOARDING"));
        given().contentType(ContentType.JSON)
                .body("{\"plan\": \"p\", \"status\": \"ACTIVE\", \"seatsPurchased\": \"ten\"}")
                .when().put("/api/accounts/1/subscriptions/s")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("seatsPurchased"))
                .body("errors[0].message", containsString("a number"));
    }

    @Test
    void an_unknown_field_is_an_error_not_silently_ignored() {
        given().contentType(ContentType.JSON).body("{\"externalId\": \"x\", \"name\": \"n\", \"segmnet\": \"SMB\"}")
                .when().post("/api/accounts")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("segmnet"))
                .body("errors[0].message", equalTo("is not a known field"));
    }

    @Test
    void missing_required_fields_are_listed_one_by_one() {
        given().contentType(ContentType.JSON).body("{\"segment\": \"" + "x".repeat(101) + "\"}")
                .when().post("/api/accounts")
                .then().statusCode(422).contentType(PROBLEM)
                .body("errors.field", equalTo(java.util.List.of("externalId", "name", "segment")));
    }

    @Test
    void an_empty_body_is_a_problem() {
        given().contentType(ContentType.JSON).when().post("/api/accounts")
                .then().statusCode(422).contentType(PROBLEM).body("errors[0].message", notNullValue());
    }

    @Test
    void unknown_routes_methods_and_media_types_are_problems() {
        given().when().get("/api/no-such-thing").then().statusCode(404).contentType(PROBLEM);
        given().when().delete("/api/accounts").then().statusCode(405).contentType(PROBLEM);
        given().contentType("text/plain").body("hi").when().post("/api/accounts").then().statusCode(415).contentType(PROBLEM);
        given().when().get("/api/accounts/not-a-number").then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void an_out_of_range_limit_is_a_validation_problem() {
        given().queryParam("limit", 0).when().get("/api/accounts")
                .then().statusCode(422).contentType(PROBLEM).body("errors[0].field", equalTo("limit"));
        given().queryParam("limit", "many").when().get("/api/accounts").then().statusCode(404).contentType(PROBLEM);
    }
}
