package io.cmeautopilot.testing;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** Evaluation runs from tests: start one over REST and, when it was answered 202, wait for it to finish. */
public final class Runs {

    private Runs() {
    }

    /** POSTs the evaluation and returns the finished run, whether it was answered at once (200) or later (202). */
    public static JsonPath evaluate(Map<String, Object> body) {
        Response response = Api.given().contentType(ContentType.JSON).body(body).when().post("/api/evaluations");
        int status = response.statusCode();
        if (status == 200) {
            return response.jsonPath();
        }
        if (status != 202) {
            throw new AssertionError("POST /api/evaluations answered " + status + ": " + response.asString());
        }
        if (!response.header("Location").endsWith("/api/evaluations/" + response.jsonPath().getLong("id"))) {
            throw new AssertionError("202 without the run's Location: " + response.header("Location"));
        }
        return awaitFinished(response.jsonPath().getLong("id"));
    }

    /** Polls the run until it has finished (bounded wait). */
    public static JsonPath awaitFinished(long runId) {
        return awaitFinished(runId, Duration.ofSeconds(180), Duration.ofMillis(200));
    }

    public static JsonPath awaitFinished(long runId, Duration atMost, Duration pollInterval) {
        JsonPath[] last = new JsonPath[1];
        await().atMost(atMost).pollInterval(pollInterval).until(() -> {
            last[0] = Api.given().when().get("/api/evaluations/" + runId).then().statusCode(200).extract().jsonPath();
            return last[0].getString("finishedAt") != null;
        });
        return last[0];
    }
}
