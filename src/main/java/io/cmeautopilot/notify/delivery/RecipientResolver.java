package io.cmeautopilot.notify.delivery;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jdbi.v3.core.Jdbi;

import io.cmeautopilot.notify.RecipientKind;

/**
 * Turns an OWNER, TEAM or ADDRESS recipient into e-mail addresses at delivery time, from the users
 * the security package manages. What cannot be resolved is said in words, for the dead letter.
 */
@ApplicationScoped
class RecipientResolver {

    private static final Pattern ADDRESS = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private static final String USER = "SELECT email, disabled FROM users WHERE username = :name";
    private static final String TEAM = """
            SELECT email FROM users WHERE team = :name AND NOT disabled AND email IS NOT NULL AND email <> ''
            ORDER BY username""";

    @Inject
    Jdbi jdbi;

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

    private record User(String email, boolean disabled) {
    }

    private Resolution owner(String username) {
        Optional<User> user = jdbi.withHandle(h -> h.createQuery(USER).bind("name", username)
                .map((rs, ctx) -> new User(rs.getString("email"), rs.getBoolean("disabled"))).findOne());
        if (user.isEmpty()) {
            return Resolution.none("there is no user named " + username);
        }
        if (user.get().disabled()) {
            return Resolution.none("user " + username + " is disabled");
        }
        String email = user.get().email();
        return email == null || email.isBlank() ? Resolution.none("user " + username + " has no e-mail address")
                : Resolution.to(List.of(email));
    }

    private Resolution team(String team) {
        List<String> addresses = jdbi.withHandle(h -> h.createQuery(TEAM).bind("name", team).mapTo(String.class).list());
        return addresses.isEmpty() ? Resolution.none("no enabled user of team " + team + " has an e-mail address")
                : Resolution.to(addresses);
    }
}
