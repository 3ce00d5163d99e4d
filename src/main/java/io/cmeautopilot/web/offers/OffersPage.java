package io.cmeautopilot.web.offers;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

import io.cmeautopilot.accounts.AccountLookup;
import io.cmeautopilot.common.Page;
import io.cmeautopilot.common.ProblemException;
import io.cmeautopilot.common.Roles;
import io.cmeautopilot.offers.OfferRequests;
import io.cmeautopilot.offers.OfferScope;
import io.cmeautopilot.offers.OfferService;
import io.cmeautopilot.offers.OfferStatus;
import io.cmeautopilot.offers.OfferTransitions;
import io.cmeautopilot.offers.OfferView;
import io.cmeautopilot.offers.SuggestionStatus;
import io.cmeautopilot.offers.SuggestionTransitions;
import io.cmeautopilot.offers.SuggestionView;
import io.cmeautopilot.web.Console;
import io.cmeautopilot.web.FormCheck;
import io.cmeautopilot.web.Htmx;
import io.cmeautopilot.web.Nav;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * The offers inbox: retention offers to approve, reject, send and record the customer's answer to,
 * and expansion suggestions to pursue, win, lose or dismiss; each with the rule's evidence and terms.
 * The offer and suggestion services decide who sees what (404 outside it) and which moves are legal.
 */
@Path(Nav.ROOT)
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({ Roles.ADMIN, Roles.OPS, Roles.CME })
public class OffersPage {

    static final int PAGE_SIZE = 25;

    @Inject
    Console console;
    @Inject
    OfferService offers;
    @Inject
    OfferTransitions offerMoves;
    @Inject
    SuggestionTransitions suggestionMoves;
    @Inject
    AccountLookup accounts;
    @Inject
    FormCheck forms;
    @Context
    HttpHeaders headers;

    @CheckedTemplate(basePath = "console/offers")
    static class Templates {
        static native TemplateInstance inbox(Inbox inbox);

        static native TemplateInstance decision(Decision d);

        static native TemplateInstance decision$card(Decision d);
    }

    @GET
    @Path("/offers")
    public String inbox(@RestQuery String tab, @RestQuery String mine, @RestQuery String status, @RestQuery String cursor) {
        boolean suggestionsTab = "suggestions".equals(tab);
        boolean onlyMine = mine == null ? console.isCme() && !console.isOps() : "true".equals(mine);
        String chosen = status == null || status.isBlank() ? null : status.strip().toUpperCase(Locale.ROOT);
        List<String> all = suggestionsTab ? names(SuggestionStatus.values()) : names(OfferStatus.values());
        if (chosen != null && !all.contains(chosen)) {
            throw ProblemException.invalidField("status", "must be one of " + String.join(", ", all));
        }
        List<String> statuses = chosen != null ? List.of(chosen)
                : (suggestionsTab ? SuggestionStatus.OPEN_STATES : OfferStatus.OPEN_STATES).stream().map(Enum::name).sorted().toList();
        var filter = new OfferScope.Filter(null, onlyMine ? console.username() : null, statuses);
        if (suggestionsTab) {
            Page<SuggestionView> page = offers.suggestions(filter, console.caller(), cursor, PAGE_SIZE);
            return Templates.inbox(new Inbox("suggestions", onlyMine, chosen, all, List.of(), page.items(),
                    accounts.names(page.items().stream().map(SuggestionView::accountId).collect(Collectors.toSet())),
                    cursor, page.nextCursor())).render();
        }
        Page<OfferView> page = offers.offers(filter, console.caller(), cursor, PAGE_SIZE);
        return Templates.inbox(new Inbox("offers", onlyMine, chosen, all, page.items(), List.of(),
                accounts.names(page.items().stream().map(OfferView::accountId).collect(Collectors.toSet())),
                cursor, page.nextCursor())).render();
    }

    @GET
    @Path("/offers/{id}")
    public String offer(@PathParam("id") long id) {
        return show(offerDecision(id));
    }

    @GET
    @Path("/suggestions/{id}")
    public String suggestion(@PathParam("id") long id) {
        return show(suggestionDecision(id));
    }

    @POST
    @Path("/offers/{id}/approve")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response approve(@PathParam("id") long id, @RestForm Long version, @RestForm String value,
            @RestForm Integer validForDays, @RestForm String contact, @RestForm String note) {
        var request = forms.valid(new OfferRequests.Approve(decimal("value", value), validForDays, blank(contact), blank(note)));
        return offerMoved(id, () -> offerMoves.approve(id, request, Htmx.ifMatch(version), console.caller()));
    }

    @POST
    @Path("/offers/{id}/reject")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response reject(@PathParam("id") long id, @RestForm Long version, @RestForm String reason) {
        var request = forms.valid(new OfferRequests.Reason(blank(reason)));
        return offerMoved(id, () -> offerMoves.reject(id, request, Htmx.ifMatch(version), console.caller()));
    }

    @POST
    @Path("/offers/{id}/send")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response send(@PathParam("id") long id, @RestForm Long version, @RestForm String note) {
        var request = forms.valid(new OfferRequests.Note(blank(note)));
        return offerMoved(id, () -> offerMoves.send(id, request, Htmx.ifMatch(version), console.caller()));
    }

    @POST
    @Path("/offers/{id}/accept")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response accept(@PathParam("id") long id, @RestForm Long version, @RestForm String note) {
        var request = forms.valid(new OfferRequests.Note(blank(note)));
        return offerMoved(id, () -> offerMoves.accept(id, request, Htmx.ifMatch(version), console.caller()));
    }

    @POST
    @Path("/offers/{id}/decline")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response decline(@PathParam("id") long id, @RestForm Long version, @RestForm String reason) {
        var request = forms.valid(new OfferRequests.OptionalReason(blank(reason)));
        return offerMoved(id, () -> offerMoves.decline(id, request, Htmx.ifMatch(version), console.caller()));
    }

    @POST
    @Path("/suggestions/{id}/pursue")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response pursue(@PathParam("id") long id, @RestForm Long version, @RestForm String note) {
        var request = forms.valid(new OfferRequests.Note(blank(note)));
        return suggestionMoved(id, () -> suggestionMoves.pursue(id, request, Htmx.ifMatch(version), console.caller()));
    }

    @POST
    @Path("/suggestions/{id}/win")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response win(@PathParam("id") long id, @RestForm Long version, @RestForm String realisedArr,
            @RestForm String note) {
        var request = forms.valid(new OfferRequests.Win(decimal("realisedArr", realisedArr), blank(note)));
        return suggestionMoved(id, () -> suggestionMoves.win(id, request, Htmx.ifMatch(version), console.caller()));
    }

    @POST
    @Path("/suggestions/{id}/lose")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response lose(@PathParam("id") long id, @RestForm Long version, @RestForm String reason) {
        var request = forms.valid(new OfferRequests.Reason(blank(reason)));
        return suggestionMoved(id, () -> suggestionMoves.lose(id, request, Htmx.ifMatch(version), console.caller()));
    }

    @POST
    @Path("/suggestions/{id}/dismiss")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response dismiss(@PathParam("id") long id, @RestForm Long version, @RestForm String reason) {
        var request = forms.valid(new OfferRequests.Reason(blank(reason)));
        return suggestionMoved(id, () -> suggestionMoves.dismiss(id, request, Htmx.ifMatch(version), console.caller()));
    }

    private Response offerMoved(long id, Supplier<?> move) {
        move.get();
        return answer(offerDecision(id));
    }

    private Response suggestionMoved(long id, Supplier<?> move) {
        move.get();
        return answer(suggestionDecision(id));
    }

    private Response answer(Decision d) {
        return Htmx.isHtmx(headers) ? Response.ok(Templates.decision$card(d).render()).build() : Htmx.seeOther(d.path());
    }

    private String show(Decision d) {
        return Htmx.isHtmx(headers) ? Templates.decision$card(d).render() : Templates.decision(d).render();
    }

    private Decision offerDecision(long id) {
        OfferService.OfferDetail detail = offers.offer(id, console.caller());
        return new Decision(detail.offer(), null, accountName(detail.offer().accountId()), detail.history(), console.isOps());
    }

    private Decision suggestionDecision(long id) {
        OfferService.SuggestionDetail detail = offers.suggestion(id, console.caller());
        return new Decision(null, detail.suggestion(), accountName(detail.suggestion().accountId()), detail.history(),
                console.isOps());
    }

    private String accountName(long accountId) {
        return accounts.names(Set.of(accountId)).getOrDefault(accountId, "account " + accountId);
    }

    private static List<String> names(Enum<?>[] values) {
        return Stream.of(values).map(Enum::name).toList();
    }

    /** A decimal from a form field; a value that is not a number is a 422 naming the field, as in the API. */
    static BigDecimal decimal(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(value.strip().replace(",", ""));
        } catch (NumberFormatException e) {
            throw ProblemException.invalidField(field, "must be a number, e.g. 12.5");
        }
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
