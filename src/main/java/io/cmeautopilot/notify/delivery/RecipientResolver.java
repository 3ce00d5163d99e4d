package io.cmeautopilot.notify.delivery;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;
import io.cmeautopilot.common.NamedSql;
import io.cmeautopilot.notify.RecipientKind;

/**
 * Turns an OWNER, TEAM or ADDRESS recipient into e-mail addresses at delivery time, from the users
 * the security package manages. What cannot be resolved is said in words, for the dead letter.
 */
@ApplicationScoped
class RecipientResolver {

    private static final Pattern ADDRESS = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private static final NamedSql USER = NamedSql.of("SELECT email, disabled FROM users WHERE username = :name");
    private static final NamedSql TEAM = NamedSql.of("""
            SELECT email FROM users WHERE team = :name AND NOT disabled AND email IS NOT NULL AND email <> ''
            ORDER BY username""");

    @Inject
    AgroalDataSource dataSource;

    /** The addresses, or why there are none. */
    record Resolution(List<String> addresses, String problem) {

        static Resolution to(List<String> addresses) {
            return new Resolution(addresses, null);
        }

        static Resolution none(String problem) {
            return new Resolution(List.of(), problem);
        }
    }

    Resolution resolve(RecipientKind kind, String value) {
        return switch (kind) {
            case OWNER -> owner(value);
            case TEAM -> team(value);
            case ADDRESS -> ADDRESS.matcher(value).matches() ? Resolution.to(List.of(value))
                    : Resolution.none("'" + value + "' is not an e-mail address");
            case ENDPOINT -> Resolution.none("an endpoint has no e-mail address");
        };
    }

    private Resolution owner(String username) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = USER.prepare(c, Map.of("name", username));
                ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return Resolution.none("there is no user named " + username);
            }
            if (rs.getBoolean("disabled")) {
                return Resolution.none("user " + username + " is disabled");
            }
            String email = rs.getString("email");
            return email == null || email.isBlank() ? Resolution.none("user " + username + " has no e-mail address")
                    : Resolution.to(List.of(email));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not look up user " + username, e);
        }
    }

    private Resolution team(String team) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = TEAM.prepare(c, Map.of("name", team));
                ResultSet rs = ps.executeQuery()) {
            List<String> addresses = new ArrayList<>();
            while (rs.next()) {
                addresses.add(rs.getString(1));
            }
            return addresses.isEmpty() ? Resolution.none("no enabled user of team " + team + " has an e-mail address")
                    : Resolution.to(addresses);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not look up team " + team, e);
        }
    }
}
