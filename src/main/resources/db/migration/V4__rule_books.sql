-- Every attempt to load a rule book (startup, file change, REST reload): which files, by whom,
-- with what result and diagnostics. At most one row is active: the version every node evaluates.
CREATE TABLE rule_book_load (
    id          BIGSERIAL PRIMARY KEY,
    version     VARCHAR(64) NOT NULL,
    trigger     TEXT        NOT NULL CHECK (trigger IN ('startup', 'file-watch', 'api', 'cluster')),
    loaded_by   TEXT        NOT NULL,
    loaded_at   TIMESTAMPTZ NOT NULL,
    result      TEXT        NOT NULL CHECK (result IN ('ACTIVATED', 'REJECTED')),
    rule_count  INTEGER     NOT NULL,
    files       JSONB       NOT NULL,
    diagnostics JSONB       NOT NULL DEFAULT '[]',
    active      BOOLEAN     NOT NULL DEFAULT FALSE,
    CHECK (NOT active OR result = 'ACTIVATED')
);

-- The database, not the code, guarantees a single active version, also when nodes race.
CREATE UNIQUE INDEX rule_book_load_one_active ON rule_book_load (active) WHERE active;
CREATE INDEX rule_book_load_version ON rule_book_load (version);
