package io.cmeautopilot.web.work;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.cmeautopilot.tasks.TaskService;
import io.cmeautopilot.tasks.teams.TeamService;
import io.cmeautopilot.tasks.teams.TeamView;
import io.cmeautopilot.web.Console;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** Reads a task for its page (404 outside the reader's scope, from the task service) and renders it. */
@ApplicationScoped
public class TaskDetails {

    @Inject
    TaskService tasks;
    @Inject
    Queues queues;
    @Inject
    TeamService teams;
    @Inject
    Console console;

    @CheckedTemplate(basePath = "console/work")
    static class Templates {
        static native TemplateInstance task(TaskDetail detail);

        static native TemplateInstance task$detail(TaskDetail detail);
    }

    public TaskDetail load(long id) {
        TaskService.Detail d = tasks.get(id, console.caller());
        TaskRow row = queues.rows(List.of(d.task()), console).get(0);
        List<String> members = d.task().team() == null ? List.of()
                : teams.get(d.task().team(), console.caller()).map(TeamView::members).orElse(List.of());
        return new TaskDetail(row, d.history(), members, console.isOps());
    }

    public String page(long id) {
        return Templates.task(load(id)).render();
    }

    public String fragment(long id) {
        return Templates.task$detail(load(id)).render();
    }
}
