package io.cmeautopilot.tasks;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.cmeautopilot.accounts.AccountLookup;
import io.cmeautopilot.common.Caller;
import io.cmeautopilot.common.Cursor;
import io.cmeautopilot.common.Page;
import io.cmeautopilot.common.ProblemException;
import io.cmeautopilot.rules.api.Priority;
import io.cmeautopilot.rules.api.TaskType;
import io.cmeautopilot.tasks.teams.TeamAssigner;

/** Creating tasks, reading queues and claiming from them. State changes live in {@link TaskTransitions}. */
@ApplicationScoped
public class TaskService {

    static final int MAX_PAGE_SIZE = 200;

    @Inject
    TaskRepository tasks;
    @Inject
    TaskHistory history;
    @Inject
    AccountLookup accounts;
    @Inject
    TeamAssigner assigner;
    @Inject
    Clock clock;

    /** A task with everything that happened to it. */
    public record Detail(TaskView task, List<TaskView.Change> history) {
    }

    @Transactional
    public TaskView create(TaskRequests.Create request, Caller caller) {
        if (!accounts.visible(request.accountId(), caller)) {
            throw ProblemException.invalidField("accountId", "no account " + request.accountId() + " in your book");
        }
        String type;
        try {
            type = TaskType.fromCode(request.type()).code();
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("type", e.getMessage());
        }
        AccountLookup.Ownership owner = accounts.ownership(request.accountId()).orElseThrow();
        CmeTask task = new CmeTask();
        task.accountId = request.accountId();
        task.type = type;
        task.title = request.title();
        task.body = request.body();
        task.checklist = new ArrayList<>(request.checklist() == null ? List.of()
                : request.checklist().stream().map(step -> new ChecklistStep(step, false)).toList());
        task.priority = request.priority() == null ? Priority.NORMAL : request.priority();
        task.dueAt = request.dueAt();
        task.status = TaskStatus.OPEN;
        // By hand: whom the caller names; else the team's queue when a team is named; else the account's
        // owner, or (no owner) whom the account team's strategy deals it to.
        task.team = request.team() != null ? request.team() : owner.team();
        boolean dealt = request.assignee() == null && request.team() == null && owner.owner() == null;
        task.assignee = request.assignee() != null ? request.assignee() : request.team() != null ? null
                : assigner.assigneeFor(owner.owner(), owner.team()).orElse(null);
        task.origin = "manual";
        task.createdBy = caller.username();
        task.createdAt = clock.instant();
        task.updatedAt = task.createdAt;
        tasks.persistAndFlush(task);
        history.record(task.id, caller.username(), "created", null, task.status, task.title);
        if (dealt && task.assignee != null) {
            history.record(task.id, caller.username(), "assignee", null, task.assignee, "dealt by the team's strategy");
        }
        return TaskView.of(task);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Detail get(long id, Caller caller) {
        CmeTask task = visible(id, caller);
        return new Detail(TaskView.of(task), history.of(id));
    }

    /** The caller's own tasks, most urgent first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<TaskView> mine(Caller caller, TaskFilter filter, String cursor, int limit) {
        return page("assignee", caller.username(), filter, cursor, limit);
    }

    /** A team's tasks (assigned or not), most urgent first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<TaskView> team(String team, Caller caller, TaskFilter filter, String cursor, int limit) {
        if (!TaskAccess.canWorkQueue(team, caller)) {
            throw ProblemException.notFound("queue of team", "'" + team + "'");
        }
        return page("team", team, filter, cursor, limit);
    }

    /** Tasks across queues, most urgent first, within the caller's scope (a CME: their own and their team's). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<TaskView> list(TaskQuery query, Caller caller, String cursor, int limit) {
        if (query.unassigned() && query.assignee() != null) {
            throw ProblemException.invalidField("unassigned", "cannot be combined with an assignee");
        }
        checkLimit(limit);
        return page(tasks.list(query, caller, after(cursor), limit + 1), limit);
    }

    /**
     * Takes the most urgent unassigned task of a team's queue for the caller. Safe under any number of
     * concurrent claimers: each gets a different task, or 404 when the queue is empty.
     */
    @Transactional
    public TaskView claimNext(String team, Caller caller) {
        if (!TaskAccess.canWorkQueue(team, caller)) {
            throw ProblemException.notFound("queue of team", "'" + team + "'");
        }
        return tasks.claimNextUnassigned(team, caller.username(), clock.instant())
                .orElseThrow(() -> new ProblemException(404, "queue-empty", "Queue empty",
                        "the queue of team '" + team + "' has no unassigned open task", null));
    }

    CmeTask visible(long id, Caller caller) {
        return tasks.findByIdOptional(id).filter(t -> TaskAccess.canSee(t, caller))
                .orElseThrow(() -> ProblemException.notFound("task", id));
    }

    private Page<TaskView> page(String column, String value, TaskFilter filter, String cursor, int limit) {
        checkLimit(limit);
        return page(tasks.page(column, value, filter, after(cursor), limit + 1), limit);
    }

    private static void checkLimit(int limit) {
        if (limit < 1 || limit > MAX_PAGE_SIZE) {
            throw ProblemException.invalidField("limit", "must be between 1 and " + MAX_PAGE_SIZE);
        }
    }

    /** A page from rows read one beyond the limit (there is a next page when that one exists). */
    private static Page<TaskView> page(List<CmeTask> rows, int limit) {
        boolean more = rows.size() > limit;
        List<CmeTask> shown = rows.subList(0, Math.min(limit, rows.size()));
        CmeTask last = shown.isEmpty() ? null : shown.get(shown.size() - 1);
        String next = more ? Cursor.encode(last.queueRank, last.dueSort.toString(), last.id) : null;
        return new Page<>(shown.stream().map(TaskView::of).toList(), next);
    }

    private static TaskRepository.After after(String cursor) {
        if (cursor == null) {
            return null;
        }
        List<String> keys = Cursor.decode(cursor, 3);
        try {
            return new TaskRepository.After(Short.parseShort(keys.get(0)), Instant.parse(keys.get(1)),
                    Long.parseLong(keys.get(2)));
        } catch (RuntimeException e) {
            throw ProblemException.badRequest("cursor is not one this server issued; start again without a cursor");
        }
    }
}
