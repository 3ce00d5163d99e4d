package io.cmeautopilot.tasks;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.cmeautopilot.rules.api.Priority;

/** The bodies of the task endpoints. */
public final class TaskRequests {

    private TaskRequests() {
    }

    /**
     * A task created by hand. Without assignee and team it goes to the account's owner and team;
     * with only a team, to that team's queue.
     */
    public record Create(@NotNull Long accountId, @NotBlank String type, @NotBlank @Size(max = 300) String title,
            @Size(max = 10_000) String body, @Size(max = 50) List<@NotBlank @Size(max = 500) String> checklist,
            Priority priority, Instant dueAt, @Size(max = 200) String assignee, @Size(max = 200) String team) {
    }

    public record Snooze(@NotNull Instant until, @Size(max = 2000) String note) {
    }

    public record Complete(@NotBlank @Size(max = 2000) String outcome) {
    }

    public record Dismiss(@NotBlank @Size(max = 2000) String reason) {
    }

    public record Reassign(@Size(max = 200) String assignee, @Size(max = 200) String team) {
    }

    public record Comment(@NotBlank @Size(max = 10_000) String text) {
    }

    public record Tick(boolean done) {
    }
}
