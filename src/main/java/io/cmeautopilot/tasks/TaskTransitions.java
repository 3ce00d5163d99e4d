package io.cmeautopilot.tasks;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.cmeautopilot.common.Caller;
import io.cmeautopilot.common.IfMatch;
import io.cmeautopilot.common.ProblemException;
import io.cmeautopilot.tasks.teams.TeamAssigner;

/**
 * Every change a CME makes to a task: legal moves only (409 otherwise, nothing changed), the
 * caller's version checked ({@code If-Match}, 412 when someone else changed it first), and each
 * change written to the task's history in the same transaction. Closing a task that belongs to an
 * offer or suggestion is announced ({@link TaskClosing}) before the transaction commits.
 */
@ApplicationScoped
public class TaskTransitions {

    @Inject
    TaskService tasks;
    @Inject
    TaskRepository repository;
    @Inject
    TaskHistory history;
    @Inject
    Clock clock;
    @Inject
    TeamAssigner assigner;
    @Inject
    Event<TaskClosing> closing;

    @Transactional
    public TaskView start(long id, String ifMatch, Caller caller) {
        CmeTask task = open(id, ifMatch, caller);
        move(task, TaskStatus.IN_PROGRESS, caller, null);
        if (task.assignee == null) {
            history.record(task.id, caller.username(), "assignee", null, caller.username(), "started");
            task.assignee = caller.username();
        }
        return saved(task);
    }

    @Transactional
    public TaskView snooze(long id, TaskRequests.Snooze request, String ifMatch, Caller caller) {
        CmeTask task = open(id, ifMatch, caller);
        Instant now = clock.instant();
        if (!request.until().isAfter(now)) {
            throw ProblemException.invalidField("until", "must be in the future");
        }
        move(task, TaskStatus.SNOOZED, caller, request.note());
        task.snoozedUntil = request.until();
        return saved(task);
    }

    @Transactional
    public TaskView complete(long id, TaskRequests.Complete request, String ifMatch, Caller caller) {
        CmeTask task = open(id, ifMatch, caller);
        move(task, TaskStatus.DONE, caller, request.outcome());
        close(task, request.outcome(), caller);
        return announced(saved(task), task, caller);
    }

    @Transactional
    public TaskView dismiss(long id, TaskRequests.Dismiss request, String ifMatch, Caller caller) {
        CmeTask task = open(id, ifMatch, caller);
        move(task, TaskStatus.DISMISSED, caller, request.reason());
        close(task, request.reason(), caller);
        return announced(saved(task), task, caller);
    }

    @Transactional
    public TaskView reassign(long id, TaskRequests.Reassign request, String ifMatch, Caller caller) {
        if (request.assignee() == null && request.team() == null) {
            throw ProblemException.invalid("name an assignee, a team, or both", null);
        }
        CmeTask task = open(id, ifMatch, caller);
        if (request.team() != null && !request.team().equals(task.team)) {
            history.record(task.id, caller.username(), "team", task.team, request.team(), null);
            task.team = request.team();
        }
        // Only a team named: the task is handed to that team, dealt by its strategy or left in its queue.
        String assignee = request.assignee() != null ? request.assignee()
                : assigner.assigneeFor(null, request.team()).orElse(null);
        if (!Objects.equals(assignee, task.assignee)) {
            String note = request.assignee() != null ? null
                    : assignee == null ? "back to the team's queue" : "dealt by the team's strategy";
            history.record(task.id, caller.username(), "assignee", task.assignee, assignee, note);
            task.assignee = assignee;
        }
        return saved(task);
    }

    /**
     * Hands several tasks over at once, each at the version the caller saw: all or none, so one task
     * changed meanwhile (412), closed (409) or out of scope (404) leaves every other one as it was.
     */
    @Transactional
    public java.util.List<TaskView> reassignAll(java.util.Map<Long, Long> versions, TaskRequests.Reassign request,
            Caller caller) {
        java.util.List<TaskView> handedOver = new java.util.ArrayList<>();
        versions.forEach((id, version) -> handedOver.add(reassign(id, request, "\"" + version + "\"", caller)));
        return handedOver;
    }

    @Transactional
    public TaskView comment(long id, TaskRequests.Comment request, Caller caller) {
        CmeTask task = tasks.visible(id, caller);
        history.record(task.id, caller.username(), "comment", null, null, request.text());
        task.updatedAt = clock.instant();
        return saved(task);
    }

    @Transactional
    public TaskView tick(long id, int step, TaskRequests.Tick request, String ifMatch, Caller caller) {
        CmeTask task = open(id, ifMatch, caller);
        if (step < 0 || step >= task.checklist.size()) {
            throw ProblemException.notFound("checklist step", step + " of task " + id);
        }
        ChecklistStep current = task.checklist.get(step);
        if (current.done() != request.done()) {
            task.checklist.set(step, new ChecklistStep(current.step(), request.done()));
            task.checklist = new java.util.ArrayList<>(task.checklist); // a new list, so Hibernate sees the change
            history.record(task.id, caller.username(), "checklist", current.done(), request.done(), current.step());
        }
        return saved(task);
    }

    /** A task the caller may change, at the version the caller last saw, and not closed. */
    private CmeTask open(long id, String ifMatch, Caller caller) {
        CmeTask task = tasks.visible(id, caller);
        IfMatch.require(ifMatch, task.version, "task " + id);
        if (task.status.isClosed()) {
            throw ProblemException.conflict("task " + id + " is " + task.status + "; a closed task cannot change");
        }
        return task;
    }

    private void move(CmeTask task, TaskStatus next, Caller caller, String note) {
        if (!task.status.canMoveTo(next)) {
            throw ProblemException.conflict("task " + task.id + " is " + task.status + " and cannot become " + next);
        }
        history.record(task.id, caller.username(), "status", task.status, next, note);
        task.status = next;
        if (next != TaskStatus.SNOOZED) {
            task.snoozedUntil = null;
        }
    }

    private void close(CmeTask task, String outcome, Caller caller) {
        task.outcome = outcome;
        task.closedAt = clock.instant();
        task.closedBy = caller.username();
    }

    /** Tells the owner of a linked task that a CME closed it; the owner may refuse (the change is undone). */
    private TaskView announced(TaskView view, CmeTask task, Caller caller) {
        if (task.link != null) {
            closing.fire(new TaskClosing(task.id, task.link, task.status, task.outcome, caller.username()));
        }
        return view;
    }

    private TaskView saved(CmeTask task) {
        task.updatedAt = clock.instant();
        repository.flush();
        return TaskView.of(task);
    }
}
