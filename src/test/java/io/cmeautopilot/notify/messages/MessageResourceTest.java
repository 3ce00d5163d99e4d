package io.cmeautopilot.notify.messages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.cmeautopilot.common.Roles;
import io.cmeautopilot.notify.Notify;
import io.cmeautopilot.notify.Receiver;
import io.cmeautopilot.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** Listing the outbox with filters and stable pages; the outbox metrics. */
@QuarkusTest
class MessageResourceTest {

    private final Receiver receiver = Receiver.start(r -> r.body().contains("fail-me") ? 410 : 200);

    @AfterEach
    void stop_receiver() {
        receiver.close();
    }

    @Test
    void messages_are_listed_newest_first_by_status_event_type_and_recipient_in_stable_pages() {
        String endpoint = Api.uniqueName("list");
        Notify.webhook(endpoint, receiver.url());
        long account = Api.given().contentType(ContentType.JSON).body(Map.of("externalId", Api.uniqueName("acct"), "name", "A"))
                .when().post("/api/accounts").then().statusCode(201).extract().jsonPath().getLong("id");
        long first = Notify.enqueue(Notify.toEndpoint(endpoint, Api.uniqueName("a")).accountId(account).build());
        long second = Notify.enqueue(Notify.toEndpoint(endpoint, Api.uniqueName("b")).eventType("task.escalated").build());
        long third = Notify.enqueue(Notify.toEndpoint(endpoint, Api.uniqueName("c")).build());
        List.of(first, second, third).forEach(id -> Notify.awaitStatus(id, "DELIVERED"));

        JsonPath page1 = Api.given().queryParam("recipient", endpoint).queryParam("limit", 2).when()
                .get("/api/notify/messages").then().statusCode(200).extract().jsonPath();
        assertThat(page1.getList("items.id", Long.class)).containsExactly(third, second);
        JsonPath page2 = Api.given().queryParam("recipient", endpoint).queryParam("limit", 2)
                .queryParam("cursor", page1.getString("nextCursor")).when().get("/api/notify/messages").then()
                .statusCode(200).extract().jsonPath();
        assertThat(page2.getList("items.id", Long.class)).containsExactly(first);
        assertThat(page2.getString("nextCursor")).isNull();

        Api.given().queryParam("recipient", endpoint).queryParam("eventType", "task.escalated").when().get("/api/notify/messages")
                .then().body("items.id", is(List.of((int) second)));
        Api.given().queryParam("accountId", account).when().get("/api/notify/messages").then()
                .body("items.id", is(List.of((int) first)));
        Api.given().queryParam("recipient", endpoint).queryParam("status", "DEAD").queryParam("status", "PENDING")
                .when().get("/api/notify/messages").then().body("items.size()", is(0));
    }

    @Test
    void bad_list_parameters_are_problems() {
        Api.given().queryParam("limit", 0).when().get("/api/notify/messages").then().statusCode(422)
                .body("errors[0].field", is("limit"));
        Api.given().queryParam("cursor", "not-ours").when().get("/api/notify/messages").then().statusCode(400);
        Api.given().when().get("/api/notify/messages/987654321").then().statusCode(404);
        Api.as(Api.keyWithRoles(Roles.CME)).when().get("/api/notify/messages").then().statusCode(403);
    }

    @Test
    void the_outbox_reports_depth_lag_and_failures_as_metrics() {
        String endpoint = Api.uniqueName("metrics");
        Notify.webhook(endpoint, receiver.url());
        Notify.awaitStatus(Notify.enqueue(Notify.toEndpoint(endpoint, Api.uniqueName("ok")).build()), "DELIVERED");
        Notify.awaitStatus(Notify.enqueue(Notify.toEndpoint(endpoint, Api.uniqueName("ko")).text("fail-me").build()), "DEAD");

        Api.given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("cme_notify_outbox_depth"))
                .body(containsString("cme_notify_outbox_oldest_due_seconds"))
                .body(containsString("cme_notify_dead_letters"))
                .body(containsString("cme_notify_deliveries_total{channel=\"WEBHOOK\""))
                .body(containsString("cme_notify_delivery_failures_total{channel=\"WEBHOOK\",result=\"gone\""))
                .body(containsString("cme_notify_delivery_lag_seconds_bucket"));
    }
}
