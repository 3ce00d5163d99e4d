package io.cmeautopilot.security.sessions;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;
import io.cmeautopilot.common.NamedSql;
import io.cmeautopilot.security.Secrets;
import io.cmeautopilot.security.users.UserDirectory;
import io.cmeautopilot.security.users.UserService;

/** Login sessions in PostgreSQL: every node sees them, logout and disabling a user end them at once. */
@ApplicationScoped
class SessionStore {

    static final String COOKIE_PREFIX = "cms_";

    @Inject
    AgroalDataSource dataSource;
    @Inject
    Clock clock;
    @Inject
    SessionConfig config;
    @Inject
    UserDirectory users;

    record Opened(String cookieValue, String csrfToken) {
    }

    record Session(UserDirectory.Person person, String csrfToken) {
    }

    private static final NamedSql INSERT = NamedSql.of("""
            INSERT INTO sessions (id_hash, username, csrf_token, created_at, last_seen_at, expires_at)
            VALUES (:hash, :username, :csrf, :now, :now, :expires)""");

    /** Finds a live session and slides its idle timeout; expired ones are deleted on sight. */
    private static final NamedSql TOUCH = NamedSql.of("""
            UPDATE sessions SET last_seen_at = :now
            WHERE id_hash = :hash AND expires_at > :now AND last_seen_at > :idle_since
            RETURNING username, csrf_token""");

    private static final NamedSql DELETE = NamedSql.of("DELETE FROM sessions WHERE id_hash = :hash");
    private static final NamedSql DELETE_ALL_OF_USER = NamedSql.of("DELETE FROM sessions WHERE username = :username");

    Opened open(String username) {
        String id = Secrets.random(COOKIE_PREFIX);
        String csrf = Secrets.random("");
        Instant now = clock.instant();
        execute(INSERT, Map.of("hash", Secrets.sha256(id), "username", username, "csrf", csrf, "now", now,
                "expires", now.plus(config.absoluteTimeout())));
        return new Opened(id, csrf);
    }

    Optional<Session> find(String cookieValue) {
        Instant now = clock.instant();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = TOUCH.prepare(c, Map.of("hash", Secrets.sha256(cookieValue), "now", now,
                        "idle_since", now.minus(config.idleTimeout())));
                ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return Optional.empty();
            }
            String csrf = rs.getString("csrf_token");
            return users.find(rs.getString("username")).filter(UserDirectory.Person::enabled)
                    .map(person -> new Session(person, csrf));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the session", e);
        }
    }

    void close(String cookieValue) {
        execute(DELETE, Map.of("hash", Secrets.sha256(cookieValue)));
    }

    /** A disabled user, or one whose password changed, is logged out everywhere. */
    void onUserChanged(@Observes UserService.UserChanged change) {
        execute(DELETE_ALL_OF_USER, Map.of("username", change.username()));
    }

    private void execute(NamedSql sql, Map<String, ?> params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = sql.prepare(c, params)) {
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not update sessions", e);
        }
    }
}
