-- A run can be cancelled (POST /api/evaluations/{id}/cancel, ops): its chunks not started, and those
-- whose completing transaction has not begun, are dropped (CANCELLED); the run ends CANCELLED with
-- the figures of the chunks that finished, and who cancelled it.
ALTER TABLE evaluation_runs DROP CONSTRAINT evaluation_runs_status_check;
ALTER TABLE evaluation_runs ADD CONSTRAINT evaluation_runs_status_check
    CHECK (status IN ('RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED'));
ALTER TABLE evaluation_runs ADD COLUMN cancelled_by TEXT;

ALTER TABLE evaluation_chunks DROP CONSTRAINT evaluation_chunks_status_check;
ALTER TABLE evaluation_chunks ADD CONSTRAINT evaluation_chunks_status_check
    CHECK (status IN ('PENDING', 'RUNNING', 'DONE', 'FAILED', 'CANCELLED'));
