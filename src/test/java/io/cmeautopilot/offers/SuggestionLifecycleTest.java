package io.cmeautopilot.offers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.cmeautopilot.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** An expansion suggestion pursued to a win or a loss, or dismissed; every illegal move; its linked task. */
@QuarkusTest
class SuggestionLifecycleTest {

    @Inject
    RuleOfferWriter writer;

    Book book;
    long id;
    long task;

    @BeforeEach
    void a_suggestion() {
        book = new Book();
        JsonPath suggestion = book.newSuggestion(writer);
        id = suggestion.getLong("suggestion.id");
        task = suggestion.getLong("suggestion.taskId");
    }

    Response move(String key, String action, Object body, String ifMatch) {
        var request = Api.as(key).contentType(ContentType.JSON).body(body);
        if (ifMatch != null) {
            request = request.header("If-Match", ifMatch);
        }
        return request.when().post("/api/suggestions/" + id + "/" + action);
    }

    JsonPath task() {
        return Api.as(book.alice).when().get("/api/tasks/" + task).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void a_pursued_suggestion_is_won_with_the_realised_arr_and_its_task_follows() {
        JsonPath linked = task();
        assertThat(linked.getString("task.type")).isEqualTo("expansion");
        assertThat(linked.getString("task.title")).isEqualTo("Expansion to pursue: seats to 63 seats");
        assertThat(linked.getString("task.assignee")).isEqualTo(book.aliceName);
        move(book.alice, "pursue", Map.of("note", "call booked"), "\"0\"").then().statusCode(200)
                .header("ETag", "\"1\"").body("status", equalTo("PURSUED"));
        assertThat(task().getString("task.status")).isEqualTo("IN_PROGRESS");
        move(book.alice, "win", Map.of("note", "signed"), null).then().statusCode(422)
                .body("errors[0].field", equalTo("realisedArr"));
        move(book.alice, "win", Map.of("realisedArr", -5), null).then().statusCode(422);
        move(book.alice, "win", Map.of("realisedArr", 14400, "note", "13 seats"), "\"1\"").then().statusCode(200)
                .body("status", equalTo("WON")).body("realisedArr", equalTo(14400))
                .body("outcome", equalTo("won: realised ARR 14400; 13 seats"));
        Api.as(book.alice).when().get("/api/suggestions/" + id).then()
                .body("history.change", equalTo(List.of("created", "status", "status", "realisedArr")))
                .body("history.to", equalTo(List.of("SUGGESTED", "PURSUED", "WON", "14400")))
                .body("suggestion.estimatedArrUplift", equalTo(12000.0f));
        assertThat(task().getString("task.status")).isEqualTo("DONE");
        assertThat(task().getString("task.outcome")).isEqualTo("Expansion won: realised ARR 14400; 13 seats");
    }

    @Test
    void a_pursued_suggestion_may_be_lost_with_a_reason() {
        move(book.alice, "pursue", Map.of(), null).then().statusCode(200);
        move(book.alice, "lose", Map.of(), null).then().statusCode(422);
        move(book.alice, "lose", Map.of("reason", "no budget this year"), null).then().statusCode(200)
                .body("status", equalTo("LOST"));
        assertThat(task().getString("task.status")).isEqualTo("DONE");
    }

    @Test
    void a_suggestion_not_worth_pursuing_is_dismissed_with_its_task() {
        move(book.alice, "dismiss", Map.of("reason", "seats are seasonal"), null).then().statusCode(200)
                .body("status", equalTo("DISMISSED"));
        assertThat(task().getString("task.status")).isEqualTo("DISMISSED");
    }

    @Test
    void illegal_moves_are_409_and_change_nothing() {
        move(book.alice, "win", Map.of("realisedArr", 100), null).then().statusCode(409)
                .body("detail", equalTo("suggestion " + id + " is SUGGESTED and cannot become WON"));
        move(book.alice, "lose", Map.of("reason", "x"), null).then().statusCode(409);
        assertUnchanged("SUGGESTED", 0, 1);
        move(book.alice, "pursue", Map.of(), null).then().statusCode(200);
        move(book.alice, "pursue", Map.of(), null).then().statusCode(409);
        move(book.alice, "dismiss", Map.of("reason", "x"), null).then().statusCode(409);
        assertUnchanged("PURSUED", 1, 2);
        move(book.alice, "lose", Map.of("reason", "no"), null).then().statusCode(200);
        move(book.alice, "win", Map.of("realisedArr", 100), null).then().statusCode(409);
        assertUnchanged("LOST", 2, 3);
    }

    @Test
    void a_stale_if_match_is_412_and_outside_the_book_it_does_not_exist() {
        move(book.alice, "pursue", Map.of(), "\"3\"").then().statusCode(412);
        move(book.bob, "pursue", Map.of(), null).then().statusCode(404);
        Api.as(book.bob).when().get("/api/suggestions/" + id).then().statusCode(404);
        Api.as(book.bob).queryParam("accountId", book.account).when().get("/api/suggestions").then().statusCode(404);
        assertUnchanged("SUGGESTED", 0, 1);
        Api.as(book.alice).when().get("/api/suggestions/mine").then().body("items.id", equalTo(List.of((int) id)));
    }

    @Test
    void dismissing_the_task_dismisses_the_suggestion_but_a_pursued_ones_task_cannot_be_closed() {
        long other = book.newSuggestion(writer).getLong("suggestion.taskId");
        move(book.alice, "pursue", Map.of(), null).then().statusCode(200);
        Api.as(book.alice).contentType(ContentType.JSON).body(Map.of("outcome", "done")).when()
                .post("/api/tasks/" + task + "/complete").then().statusCode(409)
                .body("detail", containsString("record it as won or lost"));
        assertThat(task().getString("task.status")).isEqualTo("IN_PROGRESS");
        Api.as(book.alice).contentType(ContentType.JSON).body(Map.of("reason", "duplicate")).when()
                .post("/api/tasks/" + other + "/dismiss").then().statusCode(200);
        Api.as(book.alice).queryParam("accountId", book.account).queryParam("status", "DISMISSED").when()
                .get("/api/suggestions").then().body("items", hasSize(1)).body("items[0].taskId", equalTo((int) other))
                .body("items[0].outcome", equalTo("duplicate"));
    }

    private void assertUnchanged(String status, int version, int historySize) {
        Api.as(book.alice).when().get("/api/suggestions/" + id).then().statusCode(200)
                .header("ETag", "\"" + version + "\"").body("suggestion.status", equalTo(status))
                .body("history", hasSize(historySize));
    }
}
