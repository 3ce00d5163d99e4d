package io.cmeautopilot.web.work;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import io.cmeautopilot.rules.api.Priority;
import io.cmeautopilot.rules.api.TaskType;
import io.cmeautopilot.tasks.TaskStatus;

/** The options of the queue filters ({@code cdi:workChoices} in templates): values and their labels. */
@ApplicationScoped
@Named("workChoices")
public class WorkChoices {

    /** One option of a select: the value sent and what people read. */
    public record Choice(String value, String label) {
    }

    public List<Choice> getStatuses() {
        return Arrays.stream(TaskStatus.values())
                .map(s -> new Choice(s.name(), s.name().replace('_', ' ').toLowerCase(Locale.ROOT))).toList();
    }

    public List<String> getTypes() {
        return Arrays.stream(TaskType.values()).map(TaskType::code).toList();
    }

    public List<String> getPriorities() {
        return Arrays.stream(Priority.values()).map(Enum::name).toList();
    }

    public List<Choice> getDue() {
        return List.of(new Choice("overdue", "overdue"), new Choice("today", "by the end of today"),
                new Choice("week", "within 7 days"));
    }
}
