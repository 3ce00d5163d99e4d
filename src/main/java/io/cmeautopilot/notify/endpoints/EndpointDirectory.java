package io.cmeautopilot.notify.endpoints;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;
import io.cmeautopilot.common.NamedSql;

/**
 * Endpoints as the dispatcher reads and changes them, outside any transaction (plain statements on
 * their own connection): looked up afresh for every delivery, so a pause, a rotation or a new URL
 * counts from the next attempt on.
 */
@ApplicationScoped
public class EndpointDirectory {

    private static final NamedSql FIND = NamedSql.of("""
            SELECT name, kind, url, secret, previous_secret, previous_secret_expires_at, state, state_reason, event_types
            FROM notify_endpoints WHERE name = :name""");

    private static final NamedSql DISABLE = NamedSql.of("""
            UPDATE notify_endpoints SET state = 'DISABLED', state_reason = :reason, state_changed_at = :now,
                                        updated_at = :now, version = version + 1
            WHERE name = :name AND state <> 'DISABLED'""");

    @Inject
    AgroalDataSource dataSource;
    @Inject
    Clock clock;

    public Optional<EndpointTarget> find(String name) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = FIND.prepare(c, Map.of("name", name));
                ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return Optional.empty();
            }
            List<String> secrets = new ArrayList<>();
            if (rs.getString("secret") != null) {
                secrets.add(rs.getString("secret"));
            }
            Timestamp previousUntil = rs.getTimestamp("previous_secret_expires_at");
            if (rs.getString("previous_secret") != null && previousUntil != null
                    && previousUntil.toInstant().isAfter(clock.instant())) {
                secrets.add(rs.getString("previous_secret"));
            }
            return Optional.of(new EndpointTarget(rs.getString("name"), EndpointKind.valueOf(rs.getString("kind")),
                    rs.getString("url"), List.copyOf(secrets), EndpointState.valueOf(rs.getString("state")),
                    rs.getString("state_reason"), List.of((String[]) rs.getArray("event_types").getArray())));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read endpoint " + name, e);
        }
    }

    /** Disables an endpoint (a receiver answered 410 Gone); its messages are dead-lettered until it is resumed. */
    public void disable(String name, String reason, Instant now) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = DISABLE.prepare(c, Map.of("name", name, "reason", reason, "now", now))) {
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not disable endpoint " + name, e);
        }
    }
}
