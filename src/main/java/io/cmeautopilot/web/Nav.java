package io.cmeautopilot.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The console's sections and who sees them. The pages behind them check roles themselves
 * ({@code @RolesAllowed}) and the services check scope: the navigation only leaves out what would
 * be refused. A later feature adds its page here with the roles that open it.
 */
public final class Nav {

    public static final String ROOT = "/console";
    public static final String WORK = ROOT + "/work";
    public static final String ACCOUNTS = ROOT + "/accounts";
    public static final String OFFERS = ROOT + "/offers";
    public static final String TEAMS = ROOT + "/teams";
    public static final String RULES = ROOT + "/rules";
    public static final String RUNS = ROOT + "/runs";
    public static final String SCHEDULES = ROOT + "/schedules";
    public static final String ADMIN = ROOT + "/admin";
    public static final String LOGIN = ROOT + "/login";

    /** One entry of the navigation bar; {@code current} when the request is in its section. */
    public record Item(String label, String href, boolean current) {
    }

    private Nav() {
    }

    static List<Item> itemsFor(Console c) {
        List<Item> items = new ArrayList<>();
        String path = c.path();
        if (c.isCme()) {
            items.add(item("My work", WORK, path));
        }
        if (c.isCme() || c.isOps()) {
            items.add(item("Accounts", ACCOUNTS, path));
            items.add(item("Offers", OFFERS, path));
        }
        if (c.isOps()) {
            items.add(item("Teams", TEAMS, path));
        } else if (c.isCme() && c.team() != null) {
            items.add(new Item("My team", teamPath(c.team()), path.startsWith(TEAMS)));
        }
        if (c.isOps()) {
            items.add(item("Rules", RULES, path));
            items.add(item("Runs", RUNS, path));
            items.add(item("Schedules", SCHEDULES, path));
            items.add(item("Admin", ADMIN, path));
        }
        return items;
    }

    public static String teamPath(String team) {
        return TEAMS + "/" + encode(team);
    }

    public static String encode(String pathSegment) {
        return URLEncoder.encode(pathSegment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static Item item(String label, String href, String path) {
        return new Item(label, href, path.equals(href) || path.startsWith(href + "/"));
    }
}
