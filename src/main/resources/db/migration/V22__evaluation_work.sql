-- Where each chunk's time went (facts, rule engine, writes), so a run shows the engine's share.
ALTER TABLE evaluation_chunks
    ADD COLUMN snapshot_ms BIGINT NOT NULL DEFAULT 0,
    ADD COLUMN engine_ms   BIGINT NOT NULL DEFAULT 0,
    ADD COLUMN write_ms    BIGINT NOT NULL DEFAULT 0;

-- Every task of a dedupe key, open or closed, in one index range: cooldown looked up closed tasks by key
-- without an index (a scan of the closed tasks per proposal), and the open-key look-up could be planned
-- on an unrelated partial index when the statistics still said no task was open.
CREATE INDEX tasks_dedupe_key_idx ON tasks (dedupe_key, closed_at) WHERE dedupe_key IS NOT NULL;

-- @maxPerRun: one share per chunk, reserved in a short transaction of its own (see RuleBudgets), so the
-- budget's lock is no longer held through a chunk's writes.
ALTER TABLE evaluation_rule_budget ADD COLUMN seq INTEGER NOT NULL DEFAULT -1;
ALTER TABLE evaluation_rule_budget DROP CONSTRAINT evaluation_rule_budget_pkey;
ALTER TABLE evaluation_rule_budget ADD PRIMARY KEY (run_id, rule, seq);

-- Every run refreshes the open tasks it proposes again (evidence, run, proposed_at): room on each page
-- lets PostgreSQL update them in place (HOT) instead of adding a new entry to each of the tasks' indexes.
ALTER TABLE tasks SET (fillfactor = 80);
