package io.cmeautopilot.security.keys;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.agroal.api.AgroalDataSource;
import io.cmeautopilot.common.ProblemException;
import io.cmeautopilot.common.Roles;
import io.cmeautopilot.security.Secrets;
import io.cmeautopilot.security.audit.AuditService;
import io.cmeautopilot.security.users.UserDirectory;
import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class ApiKeyService implements PanacheRepository<ApiKey> {

    static final String KEY_PREFIX = "cme_";
    /** last_used_at is a hint, not a log: write it at most once a minute per key. */
    private static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

    @Inject
    Clock clock;
    @Inject
    AuditService audit;
    @Inject
    UserDirectory users;
    @Inject
    AgroalDataSource dataSource;

    /** Who a valid key authenticates as. */
    public record KeyHolder(long keyId, String principal, Set<String> roles, String team) {
    }

    @Transactional
    public ApiKeyView.Created create(ApiKeyRequest request, String actor) {
        Set<String> roles = checkRoles(request.roles());
        Instant now = clock.instant();
        if (request.expiresAt() != null && !request.expiresAt().isAfter(now)) {
            throw ProblemException.invalidField("expiresAt", "must be in the future");
        }
        if (request.owner() != null && users.find(request.owner()).isEmpty()) {
            throw ProblemException.invalidField("owner", "no user is named '" + request.owner() + "'");
        }
        String secret = Secrets.random(KEY_PREFIX);
        ApiKey key = new ApiKey();
        key.name = request.name();
        key.keyPrefix = secret.substring(0, KEY_PREFIX.length() + 6);
        key.keyHash = Secrets.sha256(secret);
        key.owner = request.owner();
        key.roles = roles.toArray(String[]::new);
        key.expiresAt = request.expiresAt();
        key.createdBy = actor;
        key.createdAt = now;
        persist(key);
        audit.record(actor, "api-key.created", "api-key", key.id, Map.of("name", key.name,
                "roles", List.of(key.roles), "owner", String.valueOf(key.owner)));
        return new ApiKeyView.Created(secret, ApiKeyView.of(key));
    }

    /** Idempotent: revoking a revoked key changes nothing and is not audited again. */
    @Transactional
    public ApiKeyView revoke(long id, String actor) {
        ApiKey key = findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("API key", id));
        if (key.revokedAt == null) {
            key.revokedAt = clock.instant();
            key.revokedBy = actor;
            audit.record(actor, "api-key.revoked", "api-key", key.id, Map.of("name", key.name));
        }
        return ApiKeyView.of(key);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ApiKeyView> list(String owner) {
        List<ApiKey> keys = owner == null ? find("order by id").list() : find("owner = ?1 order by id", owner).list();
        return keys.stream().map(ApiKeyView::of).toList();
    }

    /**
     * The holder of a valid key: not revoked, not expired, its owner (if any) enabled. A key of a
     * user carries at most the user's current roles, so demoting a user demotes their keys.
     * Runs on every request: one indexed query, no transaction; last-used is written at most once
     * a minute per key.
     */
    public Optional<KeyHolder> authenticate(String secret) {
        Instant now = clock.instant();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(AUTHENTICATE)) {
            ps.setBytes(1, Secrets.sha256(secret));
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next() || rs.getTimestamp("revoked_at") != null) {
                    return Optional.empty();
                }
                Timestamp expires = rs.getTimestamp("expires_at");
                if (expires != null && !expires.toInstant().isAfter(now)) {
                    return Optional.empty();
                }
                long id = rs.getLong("id");
                Set<String> roles = new LinkedHashSet<>(Arrays.asList((String[]) rs.getArray("roles").getArray()));
                String owner = rs.getString("owner");
                String principal = "key:" + rs.getString("name");
                String team = null;
                if (owner != null) {
                    java.sql.Array ownerRoles = rs.getArray("owner_roles");
                    if (ownerRoles == null || rs.getBoolean("owner_disabled")) {
                        return Optional.empty();
                    }
                    roles.retainAll(Arrays.asList((String[]) ownerRoles.getArray()));
                    principal = owner;
                    team = rs.getString("team");
                }
                Timestamp lastUsed = rs.getTimestamp("last_used_at");
                if (lastUsed == null || lastUsed.toInstant().isBefore(now.minus(LAST_USED_RESOLUTION))) {
                    touch(c, id, now);
                }
                return Optional.of(new KeyHolder(id, principal, roles, team));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not check an API key", e);
        }
    }

    private static final String AUTHENTICATE = """
            SELECT k.id, k.name, k.roles, k.owner, k.expires_at, k.revoked_at, k.last_used_at,
                   u.roles AS owner_roles, u.disabled AS owner_disabled, u.team
            FROM api_keys k LEFT JOIN users u ON u.username = k.owner
            WHERE k.key_hash = ?""";

    private static void touch(Connection c, long id, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE api_keys SET last_used_at = ? WHERE id = ?")) {
            ps.setObject(1, now.atOffset(java.time.ZoneOffset.UTC));
            ps.setLong(2, id);
            ps.executeUpdate();
        }
    }

    /** Stores a key whose secret comes from configuration; false when it already exists. */
    @Transactional
    boolean storeBootstrapKey(String secret) {
        if (find("keyHash", (Object) Secrets.sha256(secret)).firstResultOptional().isPresent()) {
            return false;
        }
        ApiKey key = new ApiKey();
        key.name = "bootstrap-admin";
        key.keyPrefix = secret.substring(0, Math.min(6, secret.length())) + "...";
        key.keyHash = Secrets.sha256(secret);
        key.roles = new String[] { Roles.ADMIN };
        key.createdBy = "configuration";
        key.createdAt = clock.instant();
        persist(key);
        audit.record("configuration", "api-key.created", "api-key", key.id, Map.of("name", key.name,
                "roles", List.of(Roles.ADMIN)));
        return true;
    }

    private static Set<String> checkRoles(Set<String> roles) {
        for (String role : roles) {
            if (!Roles.ALL.contains(role)) {
                throw ProblemException.invalidField("roles", "'" + role + "' is not a role; roles are " + Roles.ALL);
            }
        }
        return new LinkedHashSet<>(roles);
    }
}
