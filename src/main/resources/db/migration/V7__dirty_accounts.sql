-- Accounts with new signals, waiting to be evaluated (debounced: a burst of signals is one evaluation).
CREATE TABLE dirty_accounts (
    account_id  BIGINT      PRIMARY KEY REFERENCES accounts (id) ON DELETE CASCADE,
    marked_at   TIMESTAMPTZ NOT NULL
);
CREATE INDEX dirty_accounts_marked_idx ON dirty_accounts (marked_at);
