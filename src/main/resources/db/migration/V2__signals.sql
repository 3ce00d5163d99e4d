-- Signals: raw events, idempotent by the client's event id, and the daily roll-ups that keep
-- account snapshots fast when events grow to millions. Roll-ups are maintained in the same
-- statement that inserts the events, so they never disagree with the raw rows.

CREATE TABLE usage_events (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id     TEXT        NOT NULL,
    account_id   BIGINT      NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    event_type   TEXT        NOT NULL CHECK (event_type IN ('login', 'feature_use', 'api_call', 'error')),
    user_id      TEXT,
    feature      TEXT,
    quantity     BIGINT      NOT NULL DEFAULT 1 CHECK (quantity >= 0),
    occurred_at  TIMESTAMPTZ NOT NULL,
    properties   JSONB,
    received_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT usage_events_event_id_key UNIQUE (event_id)
);
CREATE INDEX usage_events_account_time_idx ON usage_events (account_id, occurred_at);

-- Per account, UTC day, event type and feature ('' when none).
CREATE TABLE usage_daily (
    account_id  BIGINT      NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    day         DATE        NOT NULL,
    event_type  TEXT        NOT NULL,
    feature     TEXT        NOT NULL,
    events      BIGINT      NOT NULL,
    quantity    BIGINT      NOT NULL,
    last_at     TIMESTAMPTZ NOT NULL,
    -- Covering: snapshots read the sums from the index alone (no random heap reads).
    PRIMARY KEY (account_id, day, event_type, feature) INCLUDE (events, quantity, last_at)
);
CREATE INDEX usage_daily_last_login_idx ON usage_daily (account_id, day DESC) WHERE event_type = 'login';

-- Distinct active users per account and UTC day (distinct counts cannot be summed from counts).
CREATE TABLE user_daily (
    account_id  BIGINT NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    day         DATE   NOT NULL,
    user_id     TEXT   NOT NULL,
    PRIMARY KEY (account_id, day, user_id)
);

-- Support tickets arrive as events (opened / updated / closed); a ticket's state as of any instant
-- is its latest event before that instant.
CREATE TABLE ticket_events (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id     TEXT        NOT NULL,
    account_id   BIGINT      NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    ticket_id    TEXT        NOT NULL,
    action       TEXT        NOT NULL CHECK (action IN ('opened', 'updated', 'closed')),
    severity     TEXT        NOT NULL CHECK (severity IN ('low', 'normal', 'high', 'critical')),
    category     TEXT,
    subject      TEXT,
    occurred_at  TIMESTAMPTZ NOT NULL,
    received_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT ticket_events_event_id_key UNIQUE (event_id)
);
CREATE INDEX ticket_events_account_idx ON ticket_events (account_id, ticket_id, occurred_at);

CREATE TABLE survey_responses (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id     TEXT        NOT NULL,
    account_id   BIGINT      NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    kind         TEXT        NOT NULL CHECK (kind IN ('nps', 'csat')),
    score        SMALLINT    NOT NULL,
    respondent   TEXT,
    comment      TEXT,
    answered_at  TIMESTAMPTZ NOT NULL,
    received_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT survey_responses_event_id_key UNIQUE (event_id),
    CONSTRAINT survey_score_range CHECK ((kind = 'nps' AND score BETWEEN 0 AND 10)
                                      OR (kind = 'csat' AND score BETWEEN 1 AND 5))
);
CREATE INDEX survey_responses_account_idx ON survey_responses (account_id, kind, answered_at);
