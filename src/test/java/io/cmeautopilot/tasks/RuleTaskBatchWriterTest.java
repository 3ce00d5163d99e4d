package io.cmeautopilot.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.cmeautopilot.rules.api.Priority;
import io.cmeautopilot.tasks.RuleTaskWriter.Outcome;
import io.cmeautopilot.testing.Api;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * A chunk's task proposals written at once give the outcomes one-by-one writing gives: created,
 * refreshed (priority only ever up, with history), held by cooldown, and a key proposed twice in
 * one batch written once.
 */
@QuarkusTest
class RuleTaskBatchWriterTest {

    @Inject
    RuleTaskBatchWriter batch;
    @Inject
    AgroalDataSource dataSource;

    @Test
    void a_batch_creates_refreshes_cools_down_and_writes_a_repeated_key_once() throws Exception {
        long account = Api.given().contentType(ContentType.JSON)
                .body(Map.of("externalId", Api.uniqueName("batch"), "name", "Batch Co", "owner", "alice-batch"))
                .when().post("/api/accounts").then().statusCode(201).extract().jsonPath().getLong("id");
        String fresh = Api.uniqueName("fresh");
        String open = Api.uniqueName("open");
        String closed = Api.uniqueName("closed");
        assertThat(write(List.of(task(account, open, Priority.LOW, null), task(account, closed, Priority.LOW, null))))
                .containsExactly(Outcome.CREATED, Outcome.CREATED);
        execute("UPDATE tasks SET status = 'DONE', closed_at = now(), closed_by = 'alice-batch' WHERE dedupe_key = '"
                + closed + "'");

        List<Outcome> outcomes = write(List.of(
                task(account, fresh, Priority.NORMAL, null),
                task(account, open, Priority.HIGH, null),
                task(account, closed, Priority.NORMAL, Duration.ofDays(7)),
                task(account, fresh, Priority.URGENT, null)));

        assertThat(outcomes).containsExactly(Outcome.CREATED, Outcome.UPDATED, Outcome.SUPPRESSED_BY_COOLDOWN,
                Outcome.UPDATED);
        assertThat(query("SELECT count(*) FROM tasks WHERE dedupe_key = '" + fresh + "'")).isEqualTo("1");
        assertThat(query("SELECT priority FROM tasks WHERE dedupe_key = '" + fresh + "'")).isEqualTo("URGENT");
        assertThat(query("SELECT assignee FROM tasks WHERE dedupe_key = '" + fresh + "'")).isEqualTo("alice-batch");
        assertThat(query("SELECT priority FROM tasks WHERE dedupe_key = '" + open + "'")).isEqualTo("HIGH");
        assertThat(query("SELECT string_agg(change || ':' || coalesce(from_value, '') || '>' || to_value, ',' ORDER BY h.id) "
                + "FROM task_history h JOIN tasks t ON t.id = h.task_id WHERE t.dedupe_key = '" + open + "'"))
                .isEqualTo("created:>OPEN,priority:LOW>HIGH");
        assertThat(query("SELECT count(*) FROM tasks WHERE dedupe_key = '" + closed + "'")).isEqualTo("1");

        // Proposed again at a lower priority: refreshed, the priority stays, no history entry.
        assertThat(write(List.of(task(account, open, Priority.LOW, null)))).containsExactly(Outcome.UPDATED);
        assertThat(query("SELECT priority FROM tasks WHERE dedupe_key = '" + open + "'")).isEqualTo("HIGH");
        assertThat(query("SELECT count(*) FROM task_history h JOIN tasks t ON t.id = h.task_id WHERE t.dedupe_key = '"
                + open + "'")).isEqualTo("2");
    }

    private List<Outcome> write(List<RuleTask> tasks) {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = dataSource.getConnection()) {
                return batch.writeAll(c, tasks);
            }
        });
    }

    private static RuleTask task(long account, String key, Priority priority, Duration cooldown) {
        return new RuleTask(account, "custom", "Batch " + key, null, priority, null, "Batch rule", "v1", 0,
                Map.of("key", key), key, cooldown);
    }

    private void execute(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.executeUpdate();
        }
    }

    private String query(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql);
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }
}
