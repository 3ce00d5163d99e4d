package io.cmeautopilot.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

import io.cmeautopilot.testing.Api;
import io.quarkus.test.junit.QuarkusTest;

/** SQL through Jdbi takes part in the caller's JTA transaction: it commits and rolls back with it. */
@QuarkusTest
class JdbiTransactionTest {

    @Inject
    Jdbi jdbi;
    @Inject
    TeamWriter writer;

    @ApplicationScoped
    static class TeamWriter {

        @Inject
        Jdbi jdbi;

        @Transactional
        void insertTwiceThenFail(String name) {
            insert(name);
            // A second handle in the same transaction sees the first one's uncommitted row.
            assertThat(count(jdbi, name)).isEqualTo(1);
            throw new IllegalStateException("roll back");
        }

        @Transactional
        void insert(String name) {
            jdbi.useHandle(h -> h.createUpdate("INSERT INTO teams (name, created_at, updated_at) VALUES (:name, now(), now())")
                    .bind("name", name).execute());
        }
    }

    @Test
    void a_write_inside_a_transaction_that_fails_is_rolled_back() {
        String name = Api.uniqueName("rolled-back");
        assertThatThrownBy(() -> writer.insertTwiceThenFail(name)).hasMessage("roll back");
        assertThat(count(jdbi, name)).isZero();
    }

    @Test
    void a_write_inside_a_transaction_that_succeeds_is_committed() {
        String name = Api.uniqueName("committed");
        writer.insert(name);
        assertThat(count(jdbi, name)).isEqualTo(1);
    }

    @Test
    void a_write_outside_any_transaction_commits_by_itself() {
        String name = Api.uniqueName("auto-commit");
        jdbi.useHandle(h -> h.execute("INSERT INTO teams (name, created_at, updated_at) VALUES (?, now(), now())", name));
        assertThat(count(jdbi, name)).isEqualTo(1);
    }

    static int count(Jdbi jdbi, String name) {
        return jdbi.withHandle(h -> h.createQuery("SELECT count(*) FROM teams WHERE name = :name").bind("name", name)
                .mapTo(Integer.class).one());
    }
}
