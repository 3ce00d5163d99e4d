-- A node that starts with a rule book the cluster has replaced since it was active (stale files) does
-- not bring it back: the attempt is recorded as SUPERSEDED and the node follows the active version.
ALTER TABLE rule_book_load DROP CONSTRAINT rule_book_load_result_check;
ALTER TABLE rule_book_load ADD CONSTRAINT rule_book_load_result_check
    CHECK (result IN ('ACTIVATED', 'REJECTED', 'SUPERSEDED'));
