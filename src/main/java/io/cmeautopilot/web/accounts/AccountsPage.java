package io.cmeautopilot.web.accounts;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestQuery;

import io.cmeautopilot.accounts.AccountFilter;
import io.cmeautopilot.accounts.AccountService;
import io.cmeautopilot.accounts.AccountView;
import io.cmeautopilot.common.Page;
import io.cmeautopilot.common.ProblemException;
import io.cmeautopilot.common.Roles;
import io.cmeautopilot.evaluation.ExplainService;
import io.cmeautopilot.rules.api.Stage;
import io.cmeautopilot.web.Console;
import io.cmeautopilot.web.Htmx;
import io.cmeautopilot.web.Nav;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The accounts of the reader's book (a CME: their own and their team's), and the 360 page of one. */
@Path(Nav.ACCOUNTS)
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({ Roles.ADMIN, Roles.OPS, Roles.CME })
public class AccountsPage {

    static final int PAGE_SIZE = 50;

    @Inject
    Console console;
    @Inject
    AccountService accounts;
    @Inject
    Accounts360 views;
    @Inject
    ExplainService explain;
    @Context
    HttpHeaders headers;

    /** What the reader searched for; absent filters are empty strings (the form shows them blank). */
    public record Search(String q, String segment, String stage, String owner, String team) {

        Map<String, String> given() {
            Map<String, String> given = new LinkedHashMap<>();
            put(given, "q", q);
            put(given, "segment", segment);
            put(given, "stage", stage);
            put(given, "owner", owner);
            put(given, "team", team);
            return given;
        }

        public boolean isEmpty() {
            return given().isEmpty();
        }
    }

    /** A page of the account list with the search that produced it. */
    public record Listing(Search filters, List<AccountView> accounts, String nextHref, boolean paged) {

        public String firstHref() {
            return link(filters.given(), null);
        }

        public List<String> stages() {
            return Arrays.stream(Stage.values()).map(Enum::name).toList();
        }
    }

    @CheckedTemplate(basePath = "console/accounts")
    static class Templates {
        static native TemplateInstance accounts(Listing listing);

        static native TemplateInstance account(Account360 a);

        static native TemplateInstance why(ExplainService.Explanation why, long accountId);

        static native TemplateInstance why$explained(ExplainService.Explanation why, long accountId);
    }

    @GET
    public String list(@RestQuery String q, @RestQuery String segment, @RestQuery String stage, @RestQuery String owner,
            @RestQuery String team, @RestQuery String cursor) {
        Search search = new Search(text(q), text(segment), text(stage), text(owner), text(team));
        Map<String, String> filters = search.given();
        Page<AccountView> page = accounts.list(new AccountFilter(filters.get("segment"), null, filters.get("owner"),
                filters.get("team"), stage(filters.get("stage")), filters.get("q")), console.caller(), cursor, PAGE_SIZE);
        return Templates.accounts(new Listing(search, page.items(),
                page.nextCursor() == null ? null : link(filters, page.nextCursor()), cursor != null)).render();
    }

    @GET
    @Path("/{id}")
    public String account(@PathParam("id") long id) {
        return Templates.account(views.load(id, console)).render();
    }

    /** Which rules match the account now and why (evaluated on request: it runs the rule book). */
    @GET
    @Path("/{id}/why")
    public String why(@PathParam("id") long id) {
        ExplainService.Explanation explanation = explain.explain(id, console.caller());
        return Htmx.isHtmx(headers) ? Templates.why$explained(explanation, id).render()
                : Templates.why(explanation, id).render();
    }

    static String link(Map<String, String> filters, String cursor) {
        StringJoiner s = new StringJoiner("&", Nav.ACCOUNTS + "?", "");
        filters.forEach((k, v) -> s.add(k + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        if (cursor != null) {
            s.add("cursor=" + cursor);
        }
        return s.toString();
    }

    private static Stage stage(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Stage.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("stage", "must be one of " + Arrays.toString(Stage.values()));
        }
    }

    private static void put(Map<String, String> filters, String key, String value) {
        if (!value.isEmpty()) {
            filters.put(key, value);
        }
    }

    private static String text(String value) {
        return value == null ? "" : value.strip();
    }
}
