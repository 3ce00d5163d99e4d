package io.cmeautopilot.web;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import io.cmeautopilot.common.Caller;
import io.cmeautopilot.common.Roles;
import io.cmeautopilot.security.Identities;
import io.cmeautopilot.tasks.teams.TeamService;
import io.quarkus.arc.Arc;
import io.quarkus.runtime.BlockingOperationControl;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;

/**
 * The console's view of the current request: who is reading (the same {@link Caller} the API uses),
 * the navigation their roles open, the CSRF token forms carry, and the reader's time zone. The
 * layout reads it as {@code inject:console}; pages get the caller from it.
 */
@RequestScoped
@Named("console")
public class Console {

    /** The cookie in which the browser tells us its time zone (set by console.js). */
    static final String ZONE_COOKIE = "cme_tz";

    @Inject
    SecurityIdentity identity;
    @Inject
    RoutingContext request;
    @Inject
    Clock clock;
    @Inject
    TeamService teams;
    @Inject
    ConsoleConfig config;

    private Caller caller;
    private ZoneId zone;
    private Optional<String> ledTeam;

    /** The console of the request being served (for template extensions, which are static). */
    static Console current() {
        return Arc.container().instance(Console.class).get();
    }

    public Caller caller() {
        if (caller == null) {
            caller = Caller.of(identity);
        }
        return caller;
    }

    /** Whether someone is logged in (false on the login page and on errors before authentication). */
    public boolean isSignedIn() {
        // Outside a worker thread the identity may not have been resolved yet, and resolving it blocks.
        return BlockingOperationControl.isBlockingAllowed() && !identity.isAnonymous();
    }

    public String username() {
        return caller().username();
    }

    public String team() {
        return caller().team();
    }

    public List<String> roles() {
        return caller().roles().stream().sorted().toList();
    }

    public String rolesText() {
        return String.join(", ", roles());
    }

    public boolean has(String role) {
        return caller().roles().contains(role);
    }

    public boolean isOps() {
        return has(Roles.OPS) || has(Roles.ADMIN);
    }

    public boolean isAdmin() {
        return has(Roles.ADMIN);
    }

    public boolean isCme() {
        return has(Roles.CME);
    }

    /** The team this person leads (its settings name them as lead), if any. */
    public Optional<String> ledTeam() {
        if (ledTeam == null) {
            String team = caller().team();
            ledTeam = team == null ? Optional.empty()
                    : teams.get(team, caller()).filter(t -> username().equals(t.lead())).map(t -> team);
        }
        return ledTeam;
    }

    /** The session's CSRF token for forms ({@code _csrf}) and htmx ({@code X-CSRF-Token}); empty for API keys. */
    public String csrf() {
        String token = isSignedIn() ? identity.getAttribute(Identities.CSRF_ATTRIBUTE) : null;
        return token == null ? "" : token;
    }

    /** The reader's time zone: the browser's (cookie), else the configured default. */
    public ZoneId zone() {
        if (zone == null) {
            zone = Optional.ofNullable(request.request().getCookie(ZONE_COOKIE)).map(Cookie::getValue)
                    .flatMap(Console::parseZone).orElseGet(() -> parseZone(config.timeZone()).orElse(ZoneId.of("UTC")));
        }
        return zone;
    }

    public Instant now() {
        return clock.instant();
    }

    /** The path of this request, to mark the current section in the navigation. */
    public String path() {
        return request.normalizedPath();
    }

    /** The sections the reader's roles open, in the order of the navigation bar. */
    public List<Nav.Item> nav() {
        return Nav.itemsFor(this);
    }

    /** Where this person starts: a CME on My work, a team lead on their team, ops on the rules, an admin on admin. */
    public String home() {
        if (isCme()) {
            return ledTeam().map(t -> Nav.teamPath(t)).orElse(Nav.WORK);
        }
        if (has(Roles.OPS)) {
            return Nav.RULES;
        }
        return has(Roles.ADMIN) ? Nav.ADMIN : Nav.WORK;
    }

    static Optional<ZoneId> parseZone(String name) {
        if (name == null || name.isBlank() || name.length() > 64) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZoneId.of(name.strip()));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
