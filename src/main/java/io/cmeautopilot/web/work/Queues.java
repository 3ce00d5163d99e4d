package io.cmeautopilot.web.work;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.cmeautopilot.accounts.AccountLookup;
import io.cmeautopilot.common.Page;
import io.cmeautopilot.common.ProblemException;
import io.cmeautopilot.tasks.TaskService;
import io.cmeautopilot.tasks.TaskView;
import io.cmeautopilot.tasks.teams.TeamService;
import io.cmeautopilot.tasks.teams.TeamView;
import io.cmeautopilot.web.Console;

/** Reads a page of a queue through the task service (its scope rules apply) and names the accounts. */
@ApplicationScoped
public class Queues {

    /** Rows per page: a screenful, most urgent first. */
    static final int PAGE_SIZE = 25;

    @Inject
    TaskService tasks;
    @Inject
    AccountLookup accounts;
    @Inject
    TeamService teams;

    public Queue load(String view, String team, WorkFilter filter, String cursor, Console console) {
        boolean mine = !"team".equals(view);
        String queueTeam = mine ? null : team != null && !team.isBlank() ? team.strip() : console.team();
        List<TeamView> teamChoices = console.isOps() ? teams.list() : List.of();
        if (!mine && queueTeam == null) {
            if (!console.isOps()) {
                throw ProblemException.invalidField("team", "you are in no team: ask an admin to put you in one");
            }
            return new Queue("team", null, filter, List.of(), null, null, teamChoices, true);
        }
        var taskFilter = filter.toTaskFilter(console.now(), console.zone());
        Page<TaskView> page = mine ? tasks.mine(console.caller(), taskFilter, cursor, PAGE_SIZE)
                : tasks.team(queueTeam, console.caller(), taskFilter, cursor, PAGE_SIZE);
        return new Queue(mine ? "mine" : "team", queueTeam, filter, rows(page.items(), console), cursor,
                page.nextCursor(), teamChoices, console.isOps());
    }

    public List<TaskRow> rows(List<TaskView> items, Console console) {
        Map<Long, String> names = accounts.names(items.stream().map(TaskView::accountId).collect(Collectors.toSet()));
        return items.stream().map(t -> new TaskRow(t, names.get(t.accountId()), console.now())).toList();
    }
}
