package io.cmeautopilot.signals;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;

/**
 * Rebuilds the daily roll-ups from the raw events, for events that were bulk-loaded around the
 * API (e.g. with COPY during a migration) and to repair roll-ups after a manual data fix.
 * Ingestion through the API keeps them up to date by itself.
 */
@ApplicationScoped
public class UsageRollups {

    @Inject
    AgroalDataSource dataSource;

    /** Replaces all roll-up rows in one transaction; readers see the old or the new ones. */
    public void rebuild() {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("DELETE FROM usage_daily");
                s.execute("DELETE FROM user_daily");
                s.execute("""
                        INSERT INTO usage_daily (account_id, day, event_type, feature, events, quantity, last_at)
                        SELECT account_id, (occurred_at AT TIME ZONE 'UTC')::date, event_type, coalesce(feature, ''),
                               count(*), sum(quantity), max(occurred_at)
                        FROM usage_events GROUP BY 1, 2, 3, 4""");
                s.execute("""
                        INSERT INTO user_daily (account_id, day, user_id)
                        SELECT DISTINCT account_id, (occurred_at AT TIME ZONE 'UTC')::date, user_id
                        FROM usage_events WHERE user_id IS NOT NULL""");
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not rebuild the usage roll-ups", e);
        }
    }
}
