package io.cmeautopilot.tasks;

import java.time.Clock;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

/** Appends to a task's history; every change a service makes goes through here. */
@ApplicationScoped
class TaskHistory implements PanacheRepository<TaskHistoryEntry> {

    @Inject
    Clock clock;

    void record(long taskId, String actor, String change, Object from, Object to, String note) {
        TaskHistoryEntry entry = new TaskHistoryEntry();
        entry.taskId = taskId;
        entry.at = clock.instant();
        entry.actor = actor;
        entry.change = change;
        entry.fromValue = from == null ? null : from.toString();
        entry.toValue = to == null ? null : to.toString();
        entry.note = note;
        persist(entry);
    }

    List<TaskView.Change> of(long taskId) {
        return list("taskId = ?1 order by id", taskId).stream().map(TaskView::of).toList();
    }
}
