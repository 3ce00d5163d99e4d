-- CME work queues: tasks and the full history of every change to them.

CREATE TABLE tasks (
    id                 BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    account_id         BIGINT      NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    type               TEXT        NOT NULL,
    title              TEXT        NOT NULL,
    body               TEXT,
    -- Playbook steps: [{"step": "Call the sponsor", "done": false}, ...]
    checklist          JSONB       NOT NULL DEFAULT '[]'::jsonb,
    priority           TEXT        NOT NULL CHECK (priority IN ('LOW', 'NORMAL', 'HIGH', 'URGENT')),
    due_at             TIMESTAMPTZ,
    status             TEXT        NOT NULL CHECK (status IN ('OPEN', 'IN_PROGRESS', 'SNOOZED', 'DONE', 'DISMISSED')),
    snoozed_until      TIMESTAMPTZ,
    assignee           TEXT,
    team               TEXT,
    origin             TEXT        NOT NULL CHECK (origin IN ('manual', 'rule')),
    rule_name          TEXT,
    rule_book_version  TEXT,
    run_id             BIGINT,
    -- When a rule last proposed this task: auto-resolve closes what no run proposed since it started.
    proposed_at        TIMESTAMPTZ,
    evidence           JSONB,
    -- Open actions are unique by dedupe key (rule + account + kind): enforced here, across nodes.
    dedupe_key         TEXT,
    -- Set when the SLA job raised the priority of an overdue task (once per task).
    escalated_at       TIMESTAMPTZ,
    outcome            TEXT,
    closed_at          TIMESTAMPTZ,
    closed_by          TEXT,
    created_by         TEXT        NOT NULL,
    version            BIGINT      NOT NULL DEFAULT 0,
    created_at         TIMESTAMPTZ NOT NULL,
    updated_at         TIMESTAMPTZ NOT NULL,
    -- Queue order as plain ascending keys, so one index serves the sort and keyset pagination.
    queue_rank         SMALLINT GENERATED ALWAYS AS (CASE priority WHEN 'URGENT' THEN 0 WHEN 'HIGH' THEN 1
                                                     WHEN 'NORMAL' THEN 2 ELSE 3 END) STORED,
    due_sort           TIMESTAMPTZ GENERATED ALWAYS AS (coalesce(due_at, '9999-12-31 00:00:00+00'::timestamptz)) STORED
);
CREATE UNIQUE INDEX tasks_open_dedupe_key ON tasks (dedupe_key)
    WHERE dedupe_key IS NOT NULL AND status IN ('OPEN', 'IN_PROGRESS', 'SNOOZED');
CREATE INDEX tasks_assignee_queue_idx ON tasks (assignee, queue_rank, due_sort, id)
    WHERE status IN ('OPEN', 'IN_PROGRESS', 'SNOOZED');
CREATE INDEX tasks_team_unassigned_idx ON tasks (team, queue_rank, due_sort, id)
    WHERE assignee IS NULL AND status = 'OPEN';
CREATE INDEX tasks_account_idx ON tasks (account_id);
CREATE INDEX tasks_overdue_idx ON tasks (due_at) WHERE escalated_at IS NULL AND status IN ('OPEN', 'IN_PROGRESS');
CREATE INDEX tasks_snoozed_idx ON tasks (snoozed_until) WHERE status = 'SNOOZED';

CREATE TABLE task_history (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    task_id     BIGINT      NOT NULL REFERENCES tasks (id) ON DELETE CASCADE,
    at          TIMESTAMPTZ NOT NULL,
    actor       TEXT        NOT NULL,
    change      TEXT        NOT NULL,
    from_value  TEXT,
    to_value    TEXT,
    note        TEXT
);
CREATE INDEX task_history_task_idx ON task_history (task_id, id);
