package io.cmeautopilot.tasks;

/** One playbook step of a task; the CME ticks it off. */
public record ChecklistStep(String step, boolean done) {
}
