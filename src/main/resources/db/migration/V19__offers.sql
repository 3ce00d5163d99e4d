-- Retention offers and expansion suggestions that rules propose and CMEs decide on, each with a
-- linked task on the CME's queue, and the full history of both.

CREATE TABLE offers (
    id                 BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id         BIGINT      NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    kind               TEXT        NOT NULL CHECK (kind IN ('discount', 'free-addon', 'billing-change', 'extension')),
    -- Percent for a discount, months for an extension, an amount for an add-on; may be absent.
    value              NUMERIC(16, 2) CHECK (value > 0),
    valid_for_days     INTEGER     NOT NULL CHECK (valid_for_days > 0),
    reason             TEXT        NOT NULL,
    status             TEXT        NOT NULL
                       CHECK (status IN ('PROPOSED', 'APPROVED', 'SENT', 'ACCEPTED', 'DECLINED', 'EXPIRED', 'REJECTED')),
    -- Set on approval: approved_at + valid_for_days. The expiry job closes APPROVED and SENT offers past it.
    expires_at         TIMESTAMPTZ,
    -- Whom the approved offer is addressed to (the customer contact), when the approver named one.
    contact            TEXT,
    task_id            BIGINT      REFERENCES tasks (id) ON DELETE SET NULL,
    rule_name          TEXT        NOT NULL,
    rule_book_version  TEXT        NOT NULL,
    run_id             BIGINT,
    proposed_at        TIMESTAMPTZ NOT NULL,
    evidence           JSONB,
    dedupe_key         TEXT        NOT NULL,
    outcome            TEXT,
    decided_by         TEXT,
    closed_at          TIMESTAMPTZ,
    closed_by          TEXT,
    version            BIGINT      NOT NULL DEFAULT 0,
    created_at         TIMESTAMPTZ NOT NULL,
    updated_at         TIMESTAMPTZ NOT NULL
);
-- One open offer per dedupe key (rule + account + kind + discriminator): holds for concurrent runs.
CREATE UNIQUE INDEX offers_open_dedupe_key ON offers (dedupe_key) WHERE status IN ('PROPOSED', 'APPROVED', 'SENT');
CREATE INDEX offers_closed_key_idx ON offers (dedupe_key, closed_at) WHERE closed_at IS NOT NULL;
CREATE INDEX offers_account_idx ON offers (account_id, id);
CREATE INDEX offers_task_idx ON offers (task_id);
CREATE INDEX offers_expiry_idx ON offers (expires_at) WHERE status IN ('APPROVED', 'SENT');

CREATE TABLE suggestions (
    id                    BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id            BIGINT      NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    kind                  TEXT        NOT NULL CHECK (kind IN ('seats', 'plan', 'addon', 'capacity')),
    target                TEXT        NOT NULL,
    estimated_arr_uplift  NUMERIC(16, 2) CHECK (estimated_arr_uplift >= 0),
    reason                TEXT        NOT NULL,
    status                TEXT        NOT NULL CHECK (status IN ('SUGGESTED', 'PURSUED', 'WON', 'LOST', 'DISMISSED')),
    -- The ARR the customer really added, recorded when the suggestion is won.
    realised_arr          NUMERIC(16, 2) CHECK (realised_arr >= 0),
    task_id               BIGINT      REFERENCES tasks (id) ON DELETE SET NULL,
    rule_name             TEXT        NOT NULL,
    rule_book_version     TEXT        NOT NULL,
    run_id                BIGINT,
    proposed_at           TIMESTAMPTZ NOT NULL,
    evidence              JSONB,
    dedupe_key            TEXT        NOT NULL,
    outcome               TEXT,
    closed_at             TIMESTAMPTZ,
    closed_by             TEXT,
    version               BIGINT      NOT NULL DEFAULT 0,
    created_at            TIMESTAMPTZ NOT NULL,
    updated_at            TIMESTAMPTZ NOT NULL,
    CONSTRAINT suggestions_won_has_arr CHECK (status <> 'WON' OR realised_arr IS NOT NULL)
);
CREATE UNIQUE INDEX suggestions_open_dedupe_key ON suggestions (dedupe_key) WHERE status IN ('SUGGESTED', 'PURSUED');
CREATE INDEX suggestions_closed_key_idx ON suggestions (dedupe_key, closed_at) WHERE closed_at IS NOT NULL;
CREATE INDEX suggestions_account_idx ON suggestions (account_id, id);
CREATE INDEX suggestions_task_idx ON suggestions (task_id);

-- Every change to an offer or a suggestion (one of the two ids is set): who, when, from -> to.
CREATE TABLE offer_history (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    offer_id       BIGINT      REFERENCES offers (id) ON DELETE CASCADE,
    suggestion_id  BIGINT      REFERENCES suggestions (id) ON DELETE CASCADE,
    at             TIMESTAMPTZ NOT NULL,
    actor          TEXT        NOT NULL,
    change         TEXT        NOT NULL,
    from_value     TEXT,
    to_value       TEXT,
    note           TEXT,
    CONSTRAINT offer_history_one_subject CHECK (num_nonnulls(offer_id, suggestion_id) = 1)
);
CREATE INDEX offer_history_offer_idx ON offer_history (offer_id, id) WHERE offer_id IS NOT NULL;
CREATE INDEX offer_history_suggestion_idx ON offer_history (suggestion_id, id) WHERE suggestion_id IS NOT NULL;
