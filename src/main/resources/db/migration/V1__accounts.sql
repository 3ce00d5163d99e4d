-- Accounts and their contracts: the customer master data that rules read.

CREATE TABLE accounts (
    id            BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    external_id   TEXT        NOT NULL,
    name          TEXT        NOT NULL,
    segment       TEXT,
    tier          TEXT,
    owner         TEXT,
    team          TEXT,
    stage         TEXT        NOT NULL DEFAULT 'ONBOARDING'
                  CHECK (stage IN ('ONBOARDING', 'ADOPTION', 'ESTABLISHED', 'RENEWAL', 'AT_RISK', 'CHURNED')),
    signup_date   DATE,
    go_live_date  DATE,
    -- Custom attributes, each typed: {"Contract": {"type": "string", "value": "Enterprise"}}
    attributes    JSONB       NOT NULL DEFAULT '{}'::jsonb,
    version       BIGINT      NOT NULL DEFAULT 0,
    created_at    TIMESTAMPTZ NOT NULL,
    updated_at    TIMESTAMPTZ NOT NULL,
    CONSTRAINT accounts_external_id_key UNIQUE (external_id)
);
CREATE INDEX accounts_owner_idx ON accounts (owner, id);
CREATE INDEX accounts_team_idx ON accounts (team, id);
CREATE INDEX accounts_segment_idx ON accounts (segment, id);

CREATE TABLE subscriptions (
    id                 BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id         BIGINT      NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    external_id        TEXT        NOT NULL,
    plan               TEXT        NOT NULL,
    status             TEXT        NOT NULL CHECK (status IN ('TRIAL', 'ACTIVE', 'CANCELLED', 'EXPIRED')),
    seats_purchased    INTEGER     CHECK (seats_purchased >= 0),
    usage_limit        BIGINT      CHECK (usage_limit >= 0),
    features_available INTEGER     CHECK (features_available >= 0),
    arr                NUMERIC(16, 2) CHECK (arr >= 0),
    mrr                NUMERIC(16, 2) CHECK (mrr >= 0),
    start_date         DATE,
    renewal_date       DATE,
    licence_expiry     DATE,
    version            BIGINT      NOT NULL DEFAULT 0,
    created_at         TIMESTAMPTZ NOT NULL,
    updated_at         TIMESTAMPTZ NOT NULL,
    CONSTRAINT subscriptions_account_external_key UNIQUE (account_id, external_id)
);
