package io.cmeautopilot.security.sessions;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.NewCookie;

import io.cmeautopilot.security.users.UserDirectory;
import io.cmeautopilot.security.users.UserService;

/**
 * Logging people in and out with a password: one code path for {@code POST/DELETE /api/session}
 * and the console's login form. The cookie is HttpOnly, SameSite=Strict, and Secure over HTTPS.
 */
@ApplicationScoped
public class Sessions {

    /** The name of the session cookie. */
    public static final String COOKIE = SessionAuthenticationMechanism.COOKIE;
    /** The name of the form field that carries the CSRF token in HTML forms. */
    public static final String CSRF_FIELD = CsrfFilter.FORM_FIELD;

    @Inject
    UserService users;
    @Inject
    SessionStore store;
    @Inject
    SessionConfig config;

    /** A session just opened: who, the cookie to set, and the token state-changing requests must carry. */
    public record Started(UserDirectory.Person person, NewCookie cookie, String csrfToken) {
    }

    /** Checks the password (with the lockout policy) and opens a session; empty when the login failed. */
    public Optional<Started> start(String username, String password, boolean secure) {
        return users.login(username, password).map(person -> {
            SessionStore.Opened opened = store.open(person.username());
            NewCookie cookie = new NewCookie.Builder(COOKIE).value(opened.cookieValue()).path("/").httpOnly(true)
                    .sameSite(NewCookie.SameSite.STRICT).secure(secure).maxAge((int) config.absoluteTimeout().toSeconds())
                    .build();
            return new Started(person, cookie, opened.csrfToken());
        });
    }

    /** Ends the session of this cookie on every node; the answer is the cookie that clears it in the browser. */
    public NewCookie end(String cookieValue) {
        store.close(cookieValue);
        return new NewCookie.Builder(COOKIE).value("").path("/").httpOnly(true).sameSite(NewCookie.SameSite.STRICT)
                .maxAge(0).build();
    }
}
