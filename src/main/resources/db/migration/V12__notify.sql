-- Notifications: endpoints registered by admins, the transactional outbox, and every delivery attempt.

CREATE TABLE notify_endpoints (
    id                         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name                       TEXT        NOT NULL,
    kind                       TEXT        NOT NULL,
    url                        TEXT        NOT NULL,
    description                TEXT,
    -- Standard Webhooks signing secret (whsec_...). Kept readable because HMAC needs it; never
    -- returned by the API after creation or rotation. NULL for Slack (the URL is the credential).
    secret                     TEXT,
    -- After a rotation the previous secret signs too, until it expires, so receivers can switch over.
    previous_secret            TEXT,
    previous_secret_expires_at TIMESTAMPTZ,
    -- Empty: every event type. Otherwise exact types or prefixes ending in '.*' (task.*).
    event_types                TEXT[]      NOT NULL DEFAULT '{}',
    state                      TEXT        NOT NULL DEFAULT 'ACTIVE',
    state_reason               TEXT,
    state_changed_at           TIMESTAMPTZ NOT NULL,
    version                    BIGINT      NOT NULL DEFAULT 0,
    created_by                 TEXT        NOT NULL,
    created_at                 TIMESTAMPTZ NOT NULL,
    updated_at                 TIMESTAMPTZ NOT NULL,
    CONSTRAINT notify_endpoints_name_key UNIQUE (name),
    CONSTRAINT notify_endpoints_kind_known CHECK (kind IN ('WEBHOOK', 'SLACK')),
    CONSTRAINT notify_endpoints_state_known CHECK (state IN ('ACTIVE', 'PAUSED', 'DISABLED')),
    CONSTRAINT notify_endpoints_webhook_secret CHECK (kind <> 'WEBHOOK' OR secret IS NOT NULL)
);

-- The outbox. A row is written in the transaction of the action that caused it, so it exists if and
-- only if the action committed. The dispatcher claims due rows with FOR UPDATE SKIP LOCKED and moves
-- next_attempt_at forward by the lease while it delivers: a node that dies leaves the row due again.
CREATE TABLE notify_messages (
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- The webhook-id: stable across retries and replays, so receivers can deduplicate.
    message_id       TEXT        NOT NULL,
    -- Idempotency: the same source key enqueued twice is one message.
    source_key       TEXT        NOT NULL,
    event_type       TEXT        NOT NULL,
    channel          TEXT        NOT NULL,
    recipient_kind   TEXT        NOT NULL,
    recipient        TEXT        NOT NULL,
    account_id       BIGINT      REFERENCES accounts (id) ON DELETE CASCADE,
    subject          TEXT,
    body_text        TEXT        NOT NULL,
    body_html        TEXT,
    payload          JSONB       NOT NULL DEFAULT '{}',
    evidence         JSONB       NOT NULL DEFAULT '{}',
    status           TEXT        NOT NULL DEFAULT 'PENDING',
    -- Attempts ever made, and attempts since the message was enqueued or last replayed (drives backoff).
    attempts         INTEGER     NOT NULL DEFAULT 0,
    cycle_attempts   INTEGER     NOT NULL DEFAULT 0,
    next_attempt_at  TIMESTAMPTZ NOT NULL,
    leased_by        TEXT,
    lease_until      TIMESTAMPTZ,
    last_error       TEXT,
    created_at       TIMESTAMPTZ NOT NULL,
    delivered_at     TIMESTAMPTZ,
    finished_at      TIMESTAMPTZ,
    CONSTRAINT notify_messages_message_id_key UNIQUE (message_id),
    CONSTRAINT notify_messages_source_key_key UNIQUE (source_key),
    CONSTRAINT notify_messages_channel_known CHECK (channel IN ('EMAIL', 'WEBHOOK', 'SLACK')),
    CONSTRAINT notify_messages_recipient_known CHECK (recipient_kind IN ('OWNER', 'TEAM', 'ADDRESS', 'ENDPOINT')),
    CONSTRAINT notify_messages_status_known CHECK (status IN ('PENDING', 'DELIVERED', 'DEAD', 'FILTERED'))
);
-- What the dispatcher scans: only pending rows, in due order.
CREATE INDEX notify_messages_due_idx ON notify_messages (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX notify_messages_status_idx ON notify_messages (status, id DESC);
CREATE INDEX notify_messages_recipient_idx ON notify_messages (recipient, id DESC);
CREATE INDEX notify_messages_account_idx ON notify_messages (account_id) WHERE account_id IS NOT NULL;

CREATE TABLE notify_attempts (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    message_id   BIGINT      NOT NULL REFERENCES notify_messages (id) ON DELETE CASCADE,
    attempt      INTEGER     NOT NULL,
    started_at   TIMESTAMPTZ NOT NULL,
    latency_ms   INTEGER     NOT NULL,
    outcome      TEXT        NOT NULL,
    status_code  INTEGER,
    target       TEXT,
    error        TEXT,
    node         TEXT        NOT NULL,
    CONSTRAINT notify_attempts_outcome_known CHECK (outcome IN ('DELIVERED', 'FAILED', 'REJECTED'))
);
CREATE INDEX notify_attempts_message_idx ON notify_attempts (message_id, id);
