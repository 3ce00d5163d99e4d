package io.cmeautopilot.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.cmeautopilot.common.Roles;
import io.cmeautopilot.testing.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** 16 CMEs claim from one queue of 1,000 tasks at once: every task is claimed exactly once. */
@QuarkusTest
class TaskClaimConcurrencyTest {

    static final int TASKS = 1_000;
    static final int CLAIMERS = 16;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void sixteen_parallel_claimers_take_every_task_exactly_once() throws Exception {
        String team = Api.uniqueName("busy");
        long account = Api.given().contentType(ContentType.JSON)
                .body(Map.of("externalId", Api.uniqueName("acct"), "name", "Busy", "team", team))
                .when().post("/api/accounts").then().statusCode(201).extract().jsonPath().getLong("id");
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("INSERT INTO tasks (account_id, type, title, priority, status, "
                        + "team, origin, created_by, created_at, updated_at) SELECT ?, 'custom', 'Task ' || g, "
                        + "(ARRAY['LOW','NORMAL','HIGH','URGENT'])[1 + g % 4], 'OPEN', ?, 'manual', 'test', now(), now() "
                        + "FROM generate_series(1, ?) g")) {
            ps.setLong(1, account);
            ps.setString(2, team);
            ps.setInt(3, TASKS);
            ps.executeUpdate();
        }
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < CLAIMERS; i++) {
            keys.add(Api.userKey(Api.uniqueName("claimer"), team, Roles.CME));
        }
        Set<Long> claimed = ConcurrentHashMap.newKeySet();
        List<Long> duplicates = new java.util.concurrent.CopyOnWriteArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(CLAIMERS);
        List<Future<Integer>> results = new ArrayList<>();
        for (String key : keys) {
            results.add(pool.submit(() -> {
                int mine = 0;
                while (true) {
                    var response = Api.as(key).when().post("/api/tasks/queues/" + team + "/claim");
                    if (response.statusCode() == 404) {
                        return mine;
                    }
                    assertThat(response.statusCode()).isEqualTo(200);
                    long id = response.jsonPath().getLong("id");
                    if (!claimed.add(id)) {
                        duplicates.add(id);
                    }
                    mine++;
                }
            }));
        }
        int total = 0;
        for (Future<Integer> result : results) {
            total += result.get();
        }
        pool.shutdown();
        assertThat(duplicates).isEmpty();
        assertThat(total).isEqualTo(TASKS);
        assertThat(claimed).hasSize(TASKS);
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT count(*), count(DISTINCT t.id) FROM task_history h "
                        + "JOIN tasks t ON t.id = h.task_id WHERE t.team = ? AND h.change = 'assignee'")) {
            ps.setString(1, team);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertThat(rs.getLong(1)).as("one claim entry per task in the history").isEqualTo(TASKS);
                assertThat(rs.getLong(2)).isEqualTo(TASKS);
            }
        }
    }
}
