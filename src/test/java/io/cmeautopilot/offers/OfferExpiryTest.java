package io.cmeautopilot.offers;

import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.cmeautopilot.testing.Api;
import io.cmeautopilot.testing.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Approved and sent offers expire when their validity ends, with the clock moved instead of waiting. */
@QuarkusTest
class OfferExpiryTest {

    @Inject
    RuleOfferWriter writer;
    @Inject
    OfferExpiry expiry;

    @AfterEach
    void clock_back() {
        TestClock.reset();
    }

    long offer(Book book, int validForDays, String... moves) {
        Book.write(writer, book.offer(Api.uniqueName("key"), 10, validForDays, "Renewal at risk"));
        long id = ((Number) book.offers().get(0).get("id")).longValue();
        for (String move : moves) {
            Api.as(book.alice).contentType(ContentType.JSON).body(Map.of()).when()
                    .post("/api/offers/" + id + "/" + move).then().statusCode(200);
        }
        return id;
    }

    @Test
    void offers_expire_when_their_validity_ends_and_their_tasks_close() {
        Book book = new Book();
        long approved = offer(book, 30, "approve");
        long sent = offer(book, 10, "approve", "send");
        long proposed = offer(book, 1);

        expiry.runOnce();
        status(book, sent, "SENT");

        TestClock.advance(Duration.ofDays(11));
        expiry.runOnce();
        status(book, sent, "EXPIRED");
        status(book, approved, "APPROVED");
        Api.as(book.alice).when().get("/api/offers/" + sent).then()
                .body("offer.closedBy", equalTo("system")).body("offer.outcome", equalTo("expired"))
                .body("history[-1].from", equalTo("SENT")).body("history[-1].note", equalTo("validity ended"));
        long task = Api.as(book.alice).when().get("/api/offers/" + sent).then().extract().jsonPath().getLong("offer.taskId");
        Api.as(book.alice).when().get("/api/tasks/" + task).then().body("task.status", equalTo("DONE"))
                .body("task.closedBy", equalTo("system"))
                .body("task.outcome", equalTo("Retention offer EXPIRED: its validity ended"));
        Api.as(book.alice).contentType(ContentType.JSON).body(Map.of()).when().post("/api/offers/" + sent + "/accept")
                .then().statusCode(409);

        TestClock.advance(Duration.ofDays(20));
        expiry.runOnce();
        status(book, approved, "EXPIRED");
        status(book, proposed, "PROPOSED"); // validity starts at approval: a proposal waits for its decision
    }

    private static void status(Book book, long id, String status) {
        Api.as(book.alice).when().get("/api/offers/" + id).then().statusCode(200).body("offer.status", equalTo(status));
    }
}
