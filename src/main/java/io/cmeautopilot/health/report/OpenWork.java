package io.cmeautopilot.health.report;

import java.util.List;

/**
 * A source of open work on an account for the report's "open tasks, offers and suggestions"
 * section. Tasks are read by {@link OpenTasks}; retention offers and expansion suggestions plug in by
 * adding an {@code @ApplicationScoped} bean implementing this interface (kind "offer" / "suggestion").
 */
public interface OpenWork {

    /** The open items of the account, most urgent first. */
    List<HealthReport.OpenItem> openFor(long accountId);
}
