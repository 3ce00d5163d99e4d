package io.cmeautopilot.offers;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.cmeautopilot.common.Caller;
import io.cmeautopilot.common.Page;
import io.cmeautopilot.common.Roles;
import io.quarkus.security.identity.SecurityIdentity;

/** Expansion suggestions proposed by rules, worked by CMEs. Every change answers the new {@code ETag}; send it back as {@code If-Match}. */
@Path("/api/suggestions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Offers and suggestions")
@RolesAllowed({ Roles.ADMIN, Roles.OPS, Roles.CME })
public class SuggestionResource {

    @Inject
    OfferService suggestions;
    @Inject
    SuggestionTransitions transitions;
    @Inject
    SecurityIdentity identity;

    @GET
    @Operation(summary = "Suggestions, newest first: of an account, of an assignee, in states (default: open ones)")
    public Page<SuggestionView> list(@QueryParam("accountId") Long accountId, @QueryParam("assignee") String assignee,
            @QueryParam("status") List<SuggestionStatus> status, @QueryParam("cursor") String cursor,
            @QueryParam("limit") @DefaultValue("50") int limit) {
        return suggestions.suggestions(new OfferScope.Filter(accountId, assignee, statuses(status)), caller(), cursor, limit);
    }

    @GET
    @Path("/mine")
    @Operation(summary = "The suggestions whose task is on my queue, newest first (default: open ones)")
    public Page<SuggestionView> mine(@QueryParam("status") List<SuggestionStatus> status,
            @QueryParam("cursor") String cursor, @QueryParam("limit") @DefaultValue("50") int limit) {
        Caller me = caller();
        return suggestions.suggestions(new OfferScope.Filter(null, me.username(), statuses(status)), me, cursor, limit);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A suggestion with its full history and why it exists")
    public Response get(@PathParam("id") long id) {
        OfferService.SuggestionDetail detail = suggestions.suggestion(id, caller());
        return Response.ok(detail).tag(tag(detail.suggestion())).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/{id}/pursue")
    @Operation(summary = "Pursue a suggestion (its task moves to in progress)")
    public Response pursue(@PathParam("id") long id, @Valid @NotNull OfferRequests.Note request,
            @HeaderParam("If-Match") String ifMatch) {
        return answer(transitions.pursue(id, request, ifMatch, caller()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/{id}/win")
    @Operation(summary = "Record a pursued suggestion as won, with the ARR the customer really added")
    public Response win(@PathParam("id") long id, @Valid @NotNull OfferRequests.Win request,
            @HeaderParam("If-Match") String ifMatch) {
        return answer(transitions.win(id, request, ifMatch, caller()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/{id}/lose")
    @Operation(summary = "Record a pursued suggestion as lost, with the reason")
    public Response lose(@PathParam("id") long id, @Valid @NotNull OfferRequests.Reason request,
            @HeaderParam("If-Match") String ifMatch) {
        return answer(transitions.lose(id, request, ifMatch, caller()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/{id}/dismiss")
    @Operation(summary = "Dismiss a suggestion that is not worth pursuing, with the reason")
    public Response dismiss(@PathParam("id") long id, @Valid @NotNull OfferRequests.Reason request,
            @HeaderParam("If-Match") String ifMatch) {
        return answer(transitions.dismiss(id, request, ifMatch, caller()));
    }

    private static List<String> statuses(List<SuggestionStatus> status) {
        return (status == null || status.isEmpty() ? SuggestionStatus.OPEN_STATES : status).stream().map(Enum::name)
                .toList();
    }

    private static Response answer(SuggestionView suggestion) {
        return Response.ok(suggestion).tag(tag(suggestion)).build();
    }

    private static EntityTag tag(SuggestionView suggestion) {
        return new EntityTag(Long.toString(suggestion.version()));
    }

    private Caller caller() {
        return Caller.of(identity);
    }
}
