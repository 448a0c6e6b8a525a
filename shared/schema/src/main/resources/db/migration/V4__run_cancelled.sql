-- A run stopped by its user (Ctrl-C in phylo run, StopExecution in the console) is 'cancelled', not 'failed'.
ALTER TABLE runs DROP CONSTRAINT IF EXISTS runs_status_check;
ALTER TABLE runs ADD CONSTRAINT runs_status_check CHECK (status IN ('running', 'succeeded', 'failed', 'cancelled'));
COMMENT ON COLUMN runs.status IS 'running, succeeded, failed (error says why) or cancelled (stopped by its user).';
