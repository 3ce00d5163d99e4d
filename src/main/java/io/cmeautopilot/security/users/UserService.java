package io.cmeautopilot.security.users;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.cmeautopilot.common.ProblemException;
import io.cmeautopilot.common.Roles;
import io.cmeautopilot.security.audit.AuditService;

@ApplicationScoped
public class UserService {

    private static final Logger LOG = Logger.getLogger(UserService.class);

    @Inject
    UserRepository repository;
    @Inject
    AuditService audit;
    @Inject
    Clock clock;
    @Inject
    LoginPolicy policy;
    @Inject
    jakarta.enterprise.event.Event<UserChanged> changes;

    /** Fired when a user's sessions must end (disabled, deleted, password changed). */
    public record UserChanged(String username) {
    }

    public record Upserted(UserView user, boolean created) {
    }

    @Transactional
    public Upserted upsert(String username, UserRequest request, String actor) {
        checkRoles(request.roles());
        if (!username.matches("[A-Za-z0-9._@-]{1,100}")) {
            throw ProblemException.invalidField("username", "use 1-100 letters, digits, '.', '_', '@' or '-'");
        }
        Optional<User> existing = repository.findByUsername(username);
        Instant now = clock.instant();
        User user = existing.orElseGet(() -> {
            User fresh = new User();
            fresh.username = username;
            fresh.createdAt = now;
            return fresh;
        });
        boolean endSessions = request.password() != null || Boolean.TRUE.equals(request.disabled());
        user.displayName = request.displayName();
        user.email = request.email();
        user.team = request.team();
        user.roles = request.roles().stream().sorted().toArray(String[]::new);
        user.disabled = Boolean.TRUE.equals(request.disabled());
        if (request.password() != null) {
            user.passwordHash = PasswordHasher.hash(request.password());
            user.failedLogins = 0;
            user.lockedUntil = null;
        }
        user.updatedAt = now;
        repository.persistAndFlush(user);
        audit.record(actor, existing.isPresent() ? "user.updated" : "user.created", "user", username,
                Map.of("roles", List.of(user.roles), "team", String.valueOf(user.team), "disabled", user.disabled,
                        "passwordChanged", request.password() != null));
        if (existing.isPresent() && endSessions) {
            changes.fire(new UserChanged(username));
        }
        return new Upserted(UserView.of(user, now), existing.isEmpty());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<UserView> get(String username) {
        return repository.findByUsername(username).map(u -> UserView.of(u, clock.instant()));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<UserView> list(String team) {
        Instant now = clock.instant();
        List<User> users = team == null ? repository.list("order by username") : repository.list("team = ?1 order by username", team);
        return users.stream().map(u -> UserView.of(u, now)).toList();
    }

    /** Deletes the user with their keys and sessions (by cascade). */
    @Transactional
    public boolean delete(String username, String actor) {
        Optional<User> user = repository.findByUsername(username);
        user.ifPresent(u -> {
            repository.delete(u);
            audit.record(actor, "user.deleted", "user", username, null);
        });
        return user.isPresent();
    }

    /**
     * Checks a password. Every failure looks the same to the caller (unknown user, wrong password,
     * locked, disabled, no password) and takes about the same time, so nothing can be learnt from it.
     */
    @Transactional
    public Optional<UserDirectory.Person> login(String username, String password) {
        Optional<User> found = repository.findByUsername(username);
        if (found.isEmpty() || found.get().passwordHash == null) {
            PasswordHasher.matches(password, PasswordHasher.DUMMY_HASH);
            return Optional.empty();
        }
        User user = found.get();
        Instant now = clock.instant();
        if (user.lockedUntil != null && user.lockedUntil.isAfter(now)) {
            PasswordHasher.matches(password, PasswordHasher.DUMMY_HASH);
            return Optional.empty();
        }
        if (!PasswordHasher.matches(password, user.passwordHash)) {
            user.failedLogins++;
            if (user.failedLogins >= policy.maxFailures()) {
                user.lockedUntil = now.plus(policy.lockAfter(user.failedLogins));
                LOG.warnf("User %s locked until %s after %d failed logins", username, user.lockedUntil, user.failedLogins);
            }
            return Optional.empty();
        }
        if (user.disabled) {
            return Optional.empty();
        }
        user.failedLogins = 0;
        user.lockedUntil = null;
        return Optional.of(new UserDirectory.Person(user.username, Set.of(user.roles), user.team, true));
    }

    private static void checkRoles(Set<String> roles) {
        for (String role : roles) {
            if (!Roles.ALL.contains(role)) {
                throw ProblemException.invalidField("roles", "'" + role + "' is not a role; roles are " + Roles.ALL);
            }
        }
    }
}
