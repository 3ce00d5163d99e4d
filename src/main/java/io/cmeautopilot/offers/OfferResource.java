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

/** Retention offers proposed by rules, decided by CMEs. Every change answers the new {@code ETag}; send it back as {@code If-Match}. */
@Path("/api/offers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Offers and suggestions")
@RolesAllowed({ Roles.ADMIN, Roles.OPS, Roles.CME })
public class OfferResource {

    @Inject
    OfferService offers;
    @Inject
    OfferTransitions transitions;
    @Inject
    SecurityIdentity identity;

    @GET
    @Operation(summary = "Offers, newest first: of an account, of an assignee, in states (default: open ones)")
    public Page<OfferView> list(@QueryParam("accountId") Long accountId, @QueryParam("assignee") String assignee,
            @QueryParam("status") List<OfferStatus> status, @QueryParam("cursor") String cursor,
            @QueryParam("limit") @DefaultValue("50") int limit) {
        return offers.offers(new OfferScope.Filter(accountId, assignee, statuses(status)), caller(), cursor, limit);
    }

    @GET
    @Path("/mine")
    @Operation(summary = "The offers whose task is on my queue, newest first (default: open ones)")
    public Page<OfferView> mine(@QueryParam("status") List<OfferStatus> status, @QueryParam("cursor") String cursor,
            @QueryParam("limit") @DefaultValue("50") int limit) {
        Caller me = caller();
        return offers.offers(new OfferScope.Filter(null, me.username(), statuses(status)), me, cursor, limit);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "An offer with its full history and why it exists")
    public Response get(@PathParam("id") long id) {
        OfferService.OfferDetail detail = offers.offer(id, caller());
        return Response.ok(detail).tag(tag(detail.offer())).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/{id}/approve")
    @Operation(summary = "Approve a proposed offer (optionally other terms, the customer contact); its validity starts")
    public Response approve(@PathParam("id") long id, @Valid @NotNull OfferRequests.Approve request,
            @HeaderParam("If-Match") String ifMatch) {
        return answer(transitions.approve(id, request, ifMatch, caller()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/{id}/reject")
    @Operation(summary = "Reject a proposed offer with a reason")
    public Response reject(@PathParam("id") long id, @Valid @NotNull OfferRequests.Reason request,
            @HeaderParam("If-Match") String ifMatch) {
        return answer(transitions.reject(id, request, ifMatch, caller()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/{id}/send")
    @Operation(summary = "Record that an approved offer was sent to the customer")
    public Response send(@PathParam("id") long id, @Valid @NotNull OfferRequests.Note request,
            @HeaderParam("If-Match") String ifMatch) {
        return answer(transitions.send(id, request, ifMatch, caller()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/{id}/accept")
    @Operation(summary = "Record that the customer accepted a sent offer")
    public Response accept(@PathParam("id") long id, @Valid @NotNull OfferRequests.Note request,
            @HeaderParam("If-Match") String ifMatch) {
        return answer(transitions.accept(id, request, ifMatch, caller()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Path("/{id}/decline")
    @Operation(summary = "Record that the customer declined a sent offer")
    public Response decline(@PathParam("id") long id, @Valid @NotNull OfferRequests.OptionalReason request,
            @HeaderParam("If-Match") String ifMatch) {
        return answer(transitions.decline(id, request, ifMatch, caller()));
    }

    private static List<String> statuses(List<OfferStatus> status) {
        return (status == null || status.isEmpty() ? OfferStatus.OPEN_STATES : status).stream().map(Enum::name).toList();
    }

    private static Response answer(OfferView offer) {
        return Response.ok(offer).tag(tag(offer)).build();
    }

    private static EntityTag tag(OfferView offer) {
        return new EntityTag(Long.toString(offer.version()));
    }

    private Caller caller() {
        return Caller.of(identity);
    }
}
