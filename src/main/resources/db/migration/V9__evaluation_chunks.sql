-- Evaluation runs are split into chunks of accounts that any node may claim (FOR UPDATE SKIP LOCKED),
-- so every node of a cluster helps with a large run and a node that dies leaves its chunk to be taken
-- again when its lease runs out.

ALTER TABLE evaluation_runs DROP CONSTRAINT evaluation_runs_mode_check;
ALTER TABLE evaluation_runs ADD CONSTRAINT evaluation_runs_mode_check CHECK (mode IN ('apply', 'dry-run', 'backtest'));
ALTER TABLE evaluation_runs
    -- The instant every chunk computes its facts for (in the past for a backtest).
    ADD COLUMN as_of         TIMESTAMPTZ,
    -- A backtest of DRL files that were never loaded keeps them here, so any node can compile them.
    ADD COLUMN rule_files    JSONB,
    -- Which rules take part: {"categories": [...], "schedule": "nightly"}; empty means all.
    ADD COLUMN selection     JSONB       NOT NULL DEFAULT '{}'::jsonb,
    ADD COLUMN schedule_name TEXT,
    -- The firing a scheduled run answers: at most one run per firing, whatever Quartz or the nodes do.
    ADD COLUMN scheduled_for TIMESTAMPTZ,
    -- Answered synchronously: the requesting node works the chunks itself; others take them only if it dies.
    ADD COLUMN inline        BOOLEAN     NOT NULL DEFAULT false,
    ADD COLUMN chunks_total  INTEGER     NOT NULL DEFAULT 0,
    -- Proposals of dry runs and backtests, a sample for the reader (at most a few hundred).
    ADD COLUMN sample        JSONB;
CREATE INDEX evaluation_runs_running_idx ON evaluation_runs (id) WHERE status = 'RUNNING';
CREATE INDEX evaluation_runs_schedule_idx ON evaluation_runs (schedule_name, id DESC) WHERE schedule_name IS NOT NULL;
CREATE UNIQUE INDEX evaluation_runs_one_per_firing ON evaluation_runs (schedule_name, scheduled_for)
    WHERE scheduled_for IS NOT NULL;

CREATE TABLE evaluation_chunks (
    run_id       BIGINT      NOT NULL REFERENCES evaluation_runs (id) ON DELETE CASCADE,
    seq          INTEGER     NOT NULL,
    -- The chunk's accounts: an explicit id list, or the id range [first_id, last_id] filtered by the run's scope.
    account_ids  BIGINT[],
    first_id     BIGINT,
    last_id      BIGINT,
    status       TEXT        NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'RUNNING', 'DONE', 'FAILED')),
    attempts     INTEGER     NOT NULL DEFAULT 0,
    claimed_by   TEXT,
    -- Database time: a lease means the same on every node whatever their clocks say.
    lease_until  TIMESTAMPTZ,
    accounts     INTEGER     NOT NULL DEFAULT 0,
    auto_resolved INTEGER    NOT NULL DEFAULT 0,
    stats        JSONB       NOT NULL DEFAULT '{}'::jsonb,
    failures     JSONB       NOT NULL DEFAULT '[]'::jsonb,
    -- Accounts whose evaluation failed or was stopped: auto-resolve must not read their silence.
    troubled     BIGINT[]    NOT NULL DEFAULT '{}',
    sample       JSONB,
    error        TEXT,
    -- Database time, like the lease: an inline run's chunks go to other nodes only if its node died.
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    finished_at  TIMESTAMPTZ,
    PRIMARY KEY (run_id, seq),
    CHECK (account_ids IS NOT NULL OR (first_id IS NOT NULL AND last_id IS NOT NULL))
);
CREATE INDEX evaluation_chunks_open_idx ON evaluation_chunks (run_id, seq) WHERE status IN ('PENDING', 'RUNNING');

-- @maxPerRun across chunks and nodes: proposals of a capped rule applied so far in a run. The row is
-- locked by the chunk transaction that raises it, so two chunks can never both take the last places.
CREATE TABLE evaluation_rule_budget (
    run_id  BIGINT  NOT NULL REFERENCES evaluation_runs (id) ON DELETE CASCADE,
    rule    TEXT    NOT NULL,
    used    INTEGER NOT NULL,
    PRIMARY KEY (run_id, rule)
);

-- Schedules are data: Quartz fires them (clustered, one node per firing); each firing starts a run.
CREATE TABLE evaluation_schedules (
    name        TEXT        PRIMARY KEY CHECK (name ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
    description TEXT,
    cron        TEXT        NOT NULL,
    time_zone   TEXT        NOT NULL,
    -- The same shape as a REST evaluation's scope: {"all": true} | {"segment": ...} | {"filter": {...}}.
    scope       JSONB       NOT NULL,
    categories  TEXT[]      NOT NULL DEFAULT '{}',
    mode        TEXT        NOT NULL DEFAULT 'apply' CHECK (mode IN ('apply', 'dry-run')),
    enabled     BOOLEAN     NOT NULL DEFAULT true,
    version     BIGINT      NOT NULL DEFAULT 0,
    created_at  TIMESTAMPTZ NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL
);

-- Shipped defaults; ops edit or disable them over REST.
INSERT INTO evaluation_schedules (name, description, cron, time_zone, scope, categories, created_at, updated_at) VALUES
    ('nightly', 'Every rule over every account, each night', '0 0 2 * * ?', 'UTC', '{"all": true}', '{}', now(), now()),
    ('hourly-engagement', 'Churn and adoption rules over every account, each hour', '0 15 * * * ?', 'UTC',
     '{"all": true}', '{churn-prevention,adoption}', now(), now());
