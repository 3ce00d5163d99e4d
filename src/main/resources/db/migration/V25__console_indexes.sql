-- The console's team view lists a team's whole open queue (assigned or not) in queue order, and the
-- account view the tasks of one account: both are served from an index range, not a sort of the
-- team's or account's tasks (a team may hold 100,000 open tasks at 1M tasks).
CREATE INDEX tasks_team_queue_idx ON tasks (team, queue_rank, due_sort, id)
    WHERE status IN ('OPEN', 'IN_PROGRESS', 'SNOOZED');
