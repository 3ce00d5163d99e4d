-- Health scores: one row per account and UTC day with each measure's contribution (history), the
-- latest row per account (for lists by grade and by drop), and the record of scoring passes.

CREATE TABLE health_scores (
    account_id         BIGINT       NOT NULL REFERENCES accounts (id) ON DELETE CASCADE,
    day                DATE         NOT NULL,
    -- The instant the facts were computed for; re-scoring the day replaces the row with a later one.
    as_of              TIMESTAMPTZ  NOT NULL,
    -- NULL: too little data (below the scorecard's minimum coverage), never a silent 0.
    score              SMALLINT     CHECK (score BETWEEN 0 AND 100),
    grade              TEXT         CHECK (grade IN ('GREEN', 'YELLOW', 'RED')),
    -- score minus the latest score at or before as_of - 30 days; NULL without one.
    delta30d           SMALLINT,
    -- Share of the scorecard's weight that had data (0..1).
    coverage           NUMERIC(4, 3) NOT NULL,
    scorecard_version  TEXT         NOT NULL,
    variant            TEXT         NOT NULL,
    -- [{"id", "group", "metric", "value", "points", "weight", "effectiveWeight", "contribution"}...]
    measures           JSONB        NOT NULL,
    scored_at          TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (account_id, day)
);
-- "The latest score at or before T" (snapshot, deltas): one index probe per account.
CREATE INDEX health_scores_as_of_idx ON health_scores (account_id, as_of DESC) INCLUDE (score, grade);

CREATE TABLE health_current (
    account_id  BIGINT      PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
    day         DATE        NOT NULL,
    as_of       TIMESTAMPTZ NOT NULL,
    score       SMALLINT,
    grade       TEXT,
    delta30d    SMALLINT
);
CREATE INDEX health_current_grade_idx ON health_current (grade, account_id);
CREATE INDEX health_current_drop_idx ON health_current (delta30d, account_id) WHERE delta30d < 0;

-- Scoring passes over every account: the scheduled job runs one per UTC day and scorecard version.
CREATE TABLE health_passes (
    id                 BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    day                DATE        NOT NULL,
    scorecard_version  TEXT        NOT NULL,
    trigger            TEXT        NOT NULL,
    started_at         TIMESTAMPTZ NOT NULL,
    finished_at        TIMESTAMPTZ,
    scored             INTEGER,
    unscored           INTEGER
);
CREATE INDEX health_passes_day_idx ON health_passes (day, scorecard_version) WHERE finished_at IS NOT NULL;
