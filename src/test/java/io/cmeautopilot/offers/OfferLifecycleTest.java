package io.cmeautopilot.offers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.cmeautopilot.common.Roles;
import io.cmeautopilot.notify.Mailbox;
import io.cmeautopilot.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** A retention offer from proposal to the customer's answer (the approval e-mailed to a real SMTP server), every illegal move, and its linked task. */
@QuarkusTest
class OfferLifecycleTest {

    @Inject
    RuleOfferWriter writer;
    @ConfigProperty(name = "quarkus.mailer.port")
    int port;

    Book book;
    long id;
    long task;

    @BeforeEach
    void a_proposed_offer() {
        book = new Book();
        JsonPath offer = book.newOffer(writer);
        id = offer.getLong("offer.id");
        task = offer.getLong("offer.taskId");
    }

    io.restassured.response.Response move(String key, String action, Object body, String ifMatch) {
        var request = Api.as(key).contentType(ContentType.JSON).body(body);
        if (ifMatch != null) {
            request = request.header("If-Match", ifMatch);
        }
        return request.when().post("/api/offers/" + id + "/" + action);
    }

    JsonPath offer() {
        return Api.as(book.alice).when().get("/api/offers/" + id).then().statusCode(200).extract().jsonPath();
    }

    JsonPath task() {
        return Api.as(book.alice).when().get("/api/tasks/" + task).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void a_proposed_offer_waits_on_the_owners_queue_with_its_origin() {
        Api.as(book.alice).when().get("/api/offers/" + id).then()
                .body("offer.status", equalTo("PROPOSED")).body("offer.kind", equalTo("discount"))
                .body("offer.value", equalTo(10.0f)).body("offer.origin.rule", equalTo("Test: renewal at risk"))
                .body("offer.origin.evidence.daysToRenewal", equalTo(45))
                .body("history[0].change", equalTo("created")).body("history[0].actor", equalTo("rule:Test: renewal at risk"));
        JsonPath linked = task();
        assertThat(linked.getString("task.type")).isEqualTo("churn-risk");
        assertThat(linked.getString("task.title")).isEqualTo("Retention offer to decide: 10% discount");
        assertThat(linked.getString("task.assignee")).isEqualTo(book.aliceName);
        assertThat(linked.getString("task.link")).isEqualTo("/api/offers/" + id);
        assertThat(linked.getString("task.priority")).isEqualTo("HIGH");
        assertThat(Instant.parse(linked.getString("task.dueAt"))).isAfter(Instant.now().plus(Duration.ofDays(2)));
    }

    @Test
    void approved_sent_and_accepted_the_offer_closes_its_task_and_the_history_is_complete() {
        Instant before = Instant.now();
        try (Mailbox mailbox = Mailbox.start(port)) {
            move(book.alice, "approve", Map.of("contact", "cfo@customer.example", "note", "worth keeping"), "\"0\"")
                    .then().statusCode(200).header("ETag", "\"1\"").body("status", equalTo("APPROVED"))
                    .body("decidedBy", equalTo(book.aliceName)).body("contact", equalTo("cfo@customer.example"));
            Instant expires = Instant.parse(offer().getString("offer.expiresAt"));
            assertThat(expires).isBetween(before.plus(Duration.ofDays(30)), Instant.now().plus(Duration.ofDays(30)));

            MimeMessage mail = mailbox.awaitOne("cfo@customer.example");
            assertThat(Mailbox.subject(mail)).isEqualTo("An offer for Offered");
            assertThat(Mailbox.body(mail)).contains("We would like to offer Offered\na 10% discount on your subscription.")
                    .contains("The offer is valid until " + expires.atZone(ZoneOffset.UTC).toLocalDate() + ".")
                    .contains("<strong>10% discount</strong>");
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> Api.given().queryParam("accountId", book.account)
                    .when().get("/api/notify/messages").then()
                    .body("items.eventType", equalTo(List.of("offer.approved")))
                    .body("items.recipient", equalTo(List.of("cfo@customer.example")))
                    .body("items.status", equalTo(List.of("DELIVERED"))));
        }
        move(book.alice, "send", Map.of(), "\"1\"").then().statusCode(200).body("status", equalTo("SENT"));
        move(book.alice, "accept", Map.of("note", "signed the renewal"), null).then().statusCode(200)
                .body("status", equalTo("ACCEPTED")).body("outcome", equalTo("signed the renewal"))
                .body("closedBy", equalTo(book.aliceName)).body("closedAt", notNullValue());
        Api.as(book.alice).when().get("/api/offers/" + id).then()
                .body("history.change", equalTo(List.of("created", "status", "notice", "status", "status")))
                .body("history.to", equalTo(List.of("PROPOSED", "APPROVED", "cfo@customer.example", "SENT", "ACCEPTED")))
                .body("history[2].note", containsString("approved offer for the customer: discount 10"));
        Api.as(book.alice).when().get("/api/tasks/" + task).then().body("task.status", equalTo("DONE"))
                .body("task.outcome", equalTo("Retention offer ACCEPTED: signed the renewal"));
    }

    @Test
    void an_offer_approved_without_a_contact_sends_nothing_and_its_history_says_so() {
        move(book.alice, "approve", Map.of(), null).then().statusCode(200);
        Api.as(book.alice).when().get("/api/offers/" + id).then()
                .body("history[2].change", equalTo("notice"))
                .body("history[2].to", equalTo("customer contact of account " + book.account))
                .body("history[2].note", containsString("not sent: no contact was named on approval"));
        Api.given().queryParam("accountId", book.account).when().get("/api/notify/messages").then().statusCode(200)
                .body("items", hasSize(0));
    }

    @Test
    void the_customer_may_decline_a_sent_offer() {
        move(book.alice, "approve", Map.of(), null).then().statusCode(200);
        move(book.alice, "send", Map.of(), null).then().statusCode(200);
        move(book.alice, "decline", Map.of("reason", "went to a competitor"), null).then().statusCode(200)
                .body("status", equalTo("DECLINED")).body("outcome", equalTo("went to a competitor"));
        assertThat(task().getString("task.status")).isEqualTo("DONE");
    }

    @Test
    void approval_may_change_the_terms_and_records_the_change() {
        move(book.alice, "approve", Map.of("value", 15, "validForDays", 10), null).then().statusCode(200)
                .body("value", equalTo(15)).body("validForDays", equalTo(10));
        Api.as(book.alice).when().get("/api/offers/" + id).then()
                .body("history.find { it.change == 'value' }.from", equalTo("10.00"))
                .body("history.find { it.change == 'value' }.to", equalTo("15"))
                .body("history.find { it.change == 'validForDays' }.to", equalTo("10"));
    }

    @Test
    void rejecting_needs_a_reason_and_dismisses_the_task() {
        move(book.alice, "reject", Map.of(), null).then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("reason"));
        move(book.alice, "reject", Map.of("reason", "they are leaving anyway"), null).then().statusCode(200)
                .body("status", equalTo("REJECTED")).body("outcome", equalTo("they are leaving anyway"));
        assertThat(task().getString("task.status")).isEqualTo("DISMISSED");
        assertThat(task().getString("task.outcome")).isEqualTo("Retention offer rejected: they are leaving anyway");
    }

    @Test
    void illegal_moves_are_409_and_change_nothing() {
        move(book.alice, "send", Map.of(), null).then().statusCode(409).contentType("application/problem+json")
                .body("detail", equalTo("offer " + id + " is PROPOSED and cannot become SENT"));
        move(book.alice, "accept", Map.of(), null).then().statusCode(409);
        move(book.alice, "decline", Map.of(), null).then().statusCode(409);
        move(book.alice, "approve", Map.of("value", 150), null).then().statusCode(422)
                .body("errors[0].field", equalTo("value"));
        move(book.alice, "approve", Map.of("validForDays", 0), null).then().statusCode(422);
        assertUnchanged("PROPOSED", 0, 1);

        move(book.alice, "approve", Map.of(), null).then().statusCode(200);
        move(book.alice, "reject", Map.of("reason", "changed my mind"), null).then().statusCode(409);
        move(book.alice, "approve", Map.of(), null).then().statusCode(409);
        move(book.alice, "accept", Map.of(), null).then().statusCode(409);
        assertUnchanged("APPROVED", 1, 3);

        move(book.alice, "send", Map.of(), null).then().statusCode(200);
        move(book.alice, "accept", Map.of(), null).then().statusCode(200);
        for (String action : List.of("approve", "send", "accept", "decline")) {
            move(book.alice, action, Map.of(), null).then().statusCode(409);
        }
        move(book.alice, "reject", Map.of("reason", "too late"), null).then().statusCode(409);
        assertUnchanged("ACCEPTED", 3, 5);
    }

    @Test
    void a_stale_if_match_is_412_and_changes_nothing() {
        move(book.alice, "approve", Map.of(), "\"0\"").then().statusCode(200);
        move(book.alice, "send", Map.of(), "\"0\"").then().statusCode(412).contentType("application/problem+json");
        assertUnchanged("APPROVED", 1, 3);
    }

    @Test
    void outside_the_book_an_offer_does_not_exist() {
        Api.as(book.bob).when().get("/api/offers/" + id).then().statusCode(404).contentType("application/problem+json");
        move(book.bob, "approve", Map.of(), null).then().statusCode(404);
        move(book.bob, "reject", Map.of("reason", "not mine"), null).then().statusCode(404);
        Api.as(book.bob).queryParam("accountId", book.account).when().get("/api/offers").then().statusCode(404);
        Api.as(book.bob).when().get("/api/offers").then().statusCode(200)
                .body("items.findAll { it.id == " + id + " }", hasSize(0));
        Api.as(book.bob).when().get("/api/offers/mine").then().statusCode(200).body("items", hasSize(0));
        Api.as(Api.keyWithRoles(Roles.INTEGRATION)).when().get("/api/offers/" + id).then().statusCode(403);
        Api.as(book.alice).when().get("/api/offers/987654321").then().statusCode(404);
        assertUnchanged("PROPOSED", 0, 1);
    }

    @Test
    void offers_are_listed_per_account_and_per_cme_newest_first_with_a_cursor() {
        long second = book.newOffer(writer).getLong("offer.id");
        long third = book.newOffer(writer).getLong("offer.id");
        JsonPath first = Api.as(book.alice).queryParam("accountId", book.account).queryParam("limit", 2)
                .when().get("/api/offers").then().statusCode(200).extract().jsonPath();
        assertThat(first.getList("items.id", Long.class)).containsExactly(third, second);
        Api.as(book.alice).queryParam("accountId", book.account).queryParam("limit", 2)
                .queryParam("cursor", first.getString("nextCursor")).when().get("/api/offers").then().statusCode(200)
                .body("items.id", equalTo(List.of((int) id))).body("nextCursor", nullValue());
        Api.as(book.alice).when().get("/api/offers/mine").then().statusCode(200)
                .body("items.id", equalTo(List.of((int) third, (int) second, (int) id)));
        Api.given().queryParam("assignee", book.aliceName).when().get("/api/offers").then().statusCode(200)
                .body("items", hasSize(3));
        move(book.alice, "reject", Map.of("reason", "no"), null).then().statusCode(200);
        Api.as(book.alice).when().get("/api/offers/mine").then().body("items", hasSize(2));
        Api.as(book.alice).queryParam("status", "REJECTED").when().get("/api/offers/mine").then()
                .body("items.id", equalTo(List.of((int) id)));
        Api.as(book.alice).queryParam("cursor", "not-a-cursor").when().get("/api/offers").then().statusCode(400);
        Api.as(book.alice).queryParam("limit", 0).when().get("/api/offers").then().statusCode(422);
    }

    @Test
    void dismissing_the_task_rejects_a_proposed_offer_and_completing_it_is_refused() {
        Api.as(book.alice).contentType(ContentType.JSON).body(Map.of("outcome", "done")).when()
                .post("/api/tasks/" + task + "/complete").then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("approve or reject the offer"));
        assertThat(task().getString("task.status")).isEqualTo("OPEN");
        assertUnchanged("PROPOSED", 0, 1);
        Api.as(book.alice).contentType(ContentType.JSON).body(Map.of("reason", "not worth a discount")).when()
                .post("/api/tasks/" + task + "/dismiss").then().statusCode(200).body("status", equalTo("DISMISSED"));
        Api.as(book.alice).when().get("/api/offers/" + id).then().body("offer.status", equalTo("REJECTED"))
                .body("offer.outcome", equalTo("not worth a discount")).body("offer.decidedBy", equalTo(book.aliceName));
        assertThat(task().getList("history.change")).containsExactly("created", "status");
    }

    @Test
    void the_task_of_an_approved_offer_can_be_neither_completed_nor_dismissed() {
        move(book.alice, "approve", Map.of(), null).then().statusCode(200);
        Api.as(book.alice).contentType(ContentType.JSON).body(Map.of("reason", "enough")).when()
                .post("/api/tasks/" + task + "/dismiss").then().statusCode(409)
                .body("detail", containsString("record the customer's answer"));
        assertThat(task().getString("task.status")).isEqualTo("OPEN");
        assertUnchanged("APPROVED", 1, 3);
    }

    private void assertUnchanged(String status, int version, int historySize) {
        Api.as(book.alice).when().get("/api/offers/" + id).then().statusCode(200).header("ETag", "\"" + version + "\"")
                .body("offer.status", equalTo(status)).body("history", hasSize(historySize));
    }
}
