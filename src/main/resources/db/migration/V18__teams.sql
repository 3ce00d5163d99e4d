-- Teams: who leads each team and how a task for an account without an owner is dealt to the
-- team's members (the enabled users with the cme role whose team is this one). A team without a
-- row here behaves as 'owner-only': such tasks wait in the team's queue to be claimed.
CREATE TABLE teams (
    name           TEXT        PRIMARY KEY,
    -- User name of the team lead: told when a task of the team is escalated.
    lead           TEXT,
    -- The team's shared address, for notices when there is no lead.
    email          TEXT,
    strategy       TEXT        NOT NULL DEFAULT 'owner-only'
                   CHECK (strategy IN ('owner-only', 'round-robin', 'least-loaded')),
    -- Round-robin: the member who was dealt the last task. The next task goes to the member after
    -- them in user-name order; read and written under this row's lock, in the transaction that
    -- creates the task, so concurrent dealers on any node take turns.
    last_dealt_to  TEXT,
    version        BIGINT      NOT NULL DEFAULT 0,
    created_at     TIMESTAMPTZ NOT NULL,
    updated_at     TIMESTAMPTZ NOT NULL
);

-- The offer or suggestion a task belongs to (its API path, e.g. /api/offers/17): the task closes
-- with it, and auto-resolve leaves it alone.
ALTER TABLE tasks ADD COLUMN link TEXT;
