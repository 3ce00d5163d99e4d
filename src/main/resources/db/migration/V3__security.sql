-- People, machine credentials and the audit trail.

CREATE TABLE users (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    username       TEXT        NOT NULL,
    display_name   TEXT,
    email          TEXT,
    team           TEXT,
    roles          TEXT[]      NOT NULL DEFAULT '{}',
    -- bcrypt; NULL means the user cannot log in with a password (API keys or OIDC only).
    password_hash  TEXT,
    disabled       BOOLEAN     NOT NULL DEFAULT false,
    failed_logins  INTEGER     NOT NULL DEFAULT 0,
    locked_until   TIMESTAMPTZ,
    version        BIGINT      NOT NULL DEFAULT 0,
    created_at     TIMESTAMPTZ NOT NULL,
    updated_at     TIMESTAMPTZ NOT NULL,
    CONSTRAINT users_username_key UNIQUE (username),
    CONSTRAINT users_roles_known CHECK (roles <@ ARRAY['admin', 'ops', 'cme', 'integration']::TEXT[])
);
CREATE INDEX users_team_idx ON users (team);

-- API keys are random 256-bit secrets, so a SHA-256 of the key is as safe to store as a slow
-- password hash and can be looked up by index on every request.
CREATE TABLE api_keys (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name          TEXT        NOT NULL,
    key_prefix    TEXT        NOT NULL,
    key_hash      BYTEA       NOT NULL,
    owner         TEXT        REFERENCES users (username) ON UPDATE CASCADE ON DELETE CASCADE,
    roles         TEXT[]      NOT NULL,
    expires_at    TIMESTAMPTZ,
    last_used_at  TIMESTAMPTZ,
    revoked_at    TIMESTAMPTZ,
    revoked_by    TEXT,
    created_by    TEXT        NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL,
    CONSTRAINT api_keys_hash_key UNIQUE (key_hash),
    CONSTRAINT api_keys_roles_known CHECK (roles <@ ARRAY['admin', 'ops', 'cme', 'integration']::TEXT[]
                                           AND cardinality(roles) > 0)
);

CREATE TABLE audit_log (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at           TIMESTAMPTZ NOT NULL,
    actor        TEXT        NOT NULL,
    action       TEXT        NOT NULL,
    target_type  TEXT        NOT NULL,
    target_id    TEXT,
    details      JSONB
);
CREATE INDEX audit_log_recent_idx ON audit_log (id DESC);
CREATE INDEX audit_log_actor_idx ON audit_log (actor, id DESC);

-- Server-side login sessions: revocable (logout, user disabled), shared by every node. The cookie
-- holds a random id; only its SHA-256 is stored.
CREATE TABLE sessions (
    id_hash       BYTEA       PRIMARY KEY,
    username      TEXT        NOT NULL REFERENCES users (username) ON UPDATE CASCADE ON DELETE CASCADE,
    csrf_token    TEXT        NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL,
    last_seen_at  TIMESTAMPTZ NOT NULL,
    expires_at    TIMESTAMPTZ NOT NULL
);
CREATE INDEX sessions_username_idx ON sessions (username);
