package io.cmeautopilot.offers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.cmeautopilot.testing.Api;
import io.cmeautopilot.testing.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Rule proposals become offers and suggestions once: dedupe, refresh, cooldown, and concurrent writers. */
@QuarkusTest
class RuleOfferWriterTest {

    @Inject
    RuleOfferWriter writer;

    @AfterEach
    void clock_back() {
        TestClock.reset();
    }

    @Test
    void a_re_proposal_refreshes_the_open_offer_and_changes_terms_only_until_a_decision() {
        Book book = new Book();
        String key = Api.uniqueName("key");
        assertThat(Book.write(writer, book.offer(key, 10, 30, "Renewal in 45 days"))).isEqualTo(RuleOfferWriter.Outcome.CREATED);
        assertThat(Book.write(writer, book.offer(key, 10, 30, "Renewal in 44 days"))).isEqualTo(RuleOfferWriter.Outcome.UPDATED);
        assertThat(book.offers()).hasSize(1);
        long id = ((Number) book.offers().get(0).get("id")).longValue();
        Api.given().when().get("/api/offers/" + id).then().header("ETag", "\"1\"")
                .body("offer.reason", equalTo("Renewal in 44 days"))
                .body("history[1].change", equalTo("terms"))
                .body("history[1].from", equalTo("discount 10.00, valid 30 days: Renewal in 45 days"))
                .body("history[1].to", equalTo("discount 10.00, valid 30 days: Renewal in 44 days"));

        Api.given().contentType(ContentType.JSON).body(Map.of()).when().post("/api/offers/" + id + "/approve")
                .then().statusCode(200);
        assertThat(Book.write(writer, book.offer(key, 25, 30, "Renewal in 43 days"))).isEqualTo(RuleOfferWriter.Outcome.UPDATED);
        Api.given().when().get("/api/offers/" + id).then().header("ETag", "\"2\"")
                .body("offer.value", equalTo(10.0f)).body("offer.reason", equalTo("Renewal in 44 days"));
        assertThat(book.offers()).hasSize(1);
    }

    @Test
    void a_closed_offer_is_not_proposed_again_until_the_cooldown_has_passed() {
        Book book = new Book();
        String key = Api.uniqueName("key");
        Book.write(writer, book.offer(key, 10, 30, "at risk"));
        long id = ((Number) book.offers().get(0).get("id")).longValue();
        Api.given().contentType(ContentType.JSON).body(Map.of("reason", "not now")).when()
                .post("/api/offers/" + id + "/reject").then().statusCode(200);
        assertThat(Book.write(writer, book.offer(key, 10, 30, "at risk"))).isEqualTo(RuleOfferWriter.Outcome.SUPPRESSED_BY_COOLDOWN);
        assertThat(book.offers()).isEmpty();
        TestClock.advance(Book.COOLDOWN.plus(Duration.ofDays(1)));
        assertThat(Book.write(writer, book.offer(key, 10, 30, "at risk"))).isEqualTo(RuleOfferWriter.Outcome.CREATED);
        assertThat(book.offers()).hasSize(1);
    }

    @Test
    void concurrent_writers_of_one_key_leave_one_offer_one_suggestion_and_one_task_each() throws Exception {
        Book book = new Book();
        String offerKey = Api.uniqueName("key");
        String suggestionKey = Api.uniqueName("key");
        int writers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<RuleOfferWriter.Outcome>>> results = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            results.add(pool.submit(() -> {
                start.await();
                return List.of(Book.write(writer, book.offer(offerKey, 10, 30, "at risk")),
                        Book.write(writer, book.suggestion(suggestionKey, "63 seats")));
            }));
        }
        start.countDown();
        List<RuleOfferWriter.Outcome> outcomes = new ArrayList<>();
        for (Future<List<RuleOfferWriter.Outcome>> result : results) {
            outcomes.addAll(result.get());
        }
        pool.shutdown();
        assertThat(outcomes).filteredOn(o -> o == RuleOfferWriter.Outcome.CREATED).hasSize(2);
        assertThat(book.offers()).hasSize(1);
        Api.given().queryParam("accountId", book.account).when().get("/api/suggestions").then()
                .body("items.size()", equalTo(1));
        Api.given().queryParam("accountId", book.account).when().get("/api/tasks/queues/" + book.team).then()
                .body("items.size()", equalTo(2));
    }
}
