package io.cmeautopilot.web.work;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import io.cmeautopilot.tasks.teams.TeamView;

/**
 * One page of a queue as My work shows it: whose queue ({@code mine} or a team's), the filters as
 * chosen, the rows and the cursor of the next page. Knows how to write its own links.
 */
public record Queue(String view, String team, WorkFilter filter, List<TaskRow> rows, String cursor, String nextCursor,
        List<TeamView> teams, boolean canPickTeam) {

    public boolean mine() {
        return "mine".equals(view);
    }

    public String title() {
        return mine() ? "My tasks" : team == null ? "Team queue" : "Queue of team " + team;
    }

    /** The link to this queue with these filters, from the first page. */
    public String href() {
        return href(null);
    }

    public String nextHref() {
        return href(nextCursor);
    }

    public String mineHref() {
        return "/console/work?view=mine";
    }

    public String teamHref() {
        return "/console/work?view=team" + (team == null ? "" : "&team=" + enc(team));
    }

    public boolean paged() {
        return cursor != null;
    }

    private String href(String at) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("view", view);
        if (!mine() && team != null) {
            q.put("team", team);
        }
        q.putAll(filter.asQuery());
        if (at != null) {
            q.put("cursor", at);
        }
        StringJoiner s = new StringJoiner("&", "/console/work?", "");
        q.forEach((k, v) -> s.add(k + "=" + enc(v)));
        return s.toString();
    }

    private static String enc(String v) {
        return URLEncoder.encode(v, StandardCharsets.UTF_8);
    }
}
