package io.cmeautopilot.common;

import static io.cmeautopilot.testing.Api.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class OperationsEndpointsTest {

    @Test
    void health_reports_the_database() {
        given().when().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void the_openapi_document_and_swagger_ui_are_served() {
        given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/accounts'", notNullValue())
                .body("paths.'/api/signals/usage-events'", notNullValue());
        given().when().get("/swagger-ui/").then().statusCode(200);
    }

    @Test
    void prometheus_metrics_are_exposed() {
        given().when().get("/q/metrics").then().statusCode(200).body(containsString("http_server_requests"));
    }
}
