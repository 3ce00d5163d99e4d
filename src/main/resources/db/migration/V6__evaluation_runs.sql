-- Every evaluation run that applied its results: who asked, over what, with which rule book, and
-- per rule what became of its proposals.
CREATE TABLE evaluation_runs (
    id                  BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    trigger             TEXT        NOT NULL,
    mode                TEXT        NOT NULL CHECK (mode IN ('apply', 'dry-run')),
    scope               JSONB       NOT NULL,
    rule_book_version   TEXT,
    status              TEXT        NOT NULL CHECK (status IN ('RUNNING', 'SUCCEEDED', 'FAILED')),
    requested_by        TEXT        NOT NULL,
    started_at          TIMESTAMPTZ NOT NULL,
    finished_at         TIMESTAMPTZ,
    accounts_evaluated  INTEGER     NOT NULL DEFAULT 0,
    -- Open tasks of @autoResolve rules that the run no longer proposed, closed by it.
    auto_resolved       INTEGER     NOT NULL DEFAULT 0,
    rule_stats          JSONB       NOT NULL DEFAULT '{}'::jsonb,
    failures            JSONB       NOT NULL DEFAULT '[]'::jsonb,
    error               TEXT
);
CREATE INDEX evaluation_runs_recent_idx ON evaluation_runs (id DESC);
