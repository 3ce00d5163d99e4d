package io.cmeautopilot.notify.messages;

import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.cmeautopilot.common.Page;
import io.cmeautopilot.common.ProblemException;
import io.cmeautopilot.common.Roles;
import io.quarkus.security.identity.SecurityIdentity;

/** The outbox for operators: deliveries and their attempts, dead letters and replay, test notifications. */
@Path("/api/notify")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Notifications")
@RolesAllowed({ Roles.ADMIN, Roles.OPS })
public class MessageResource {

    @Inject
    MessageService messages;
    @Inject
    SecurityIdentity identity;

    @GET
    @Path("/messages")
    @Operation(summary = "Messages, newest first, by status (PENDING, DELIVERED, DEAD, FILTERED), event type, recipient, account")
    public Page<MessageView> list(@QueryParam("status") List<MessageStatus> status, @QueryParam("eventType") String eventType,
            @QueryParam("recipient") String recipient, @QueryParam("accountId") Long accountId,
            @QueryParam("cursor") String cursor, @QueryParam("limit") @DefaultValue("50") int limit) {
        return messages.list(status, eventType, recipient, accountId, cursor, limit);
    }

    @GET
    @Path("/messages/{id}")
    @Operation(summary = "One message: bodies, payload, evidence, and every attempt (status code, latency, error)")
    public MessageView.Detail get(@PathParam("id") long id) {
        return messages.get(id).orElseThrow(() -> ProblemException.notFound("message", id));
    }

    @POST
    @Path("/messages/{id}/replay")
    @Operation(summary = "Send a dead letter again: same webhook id, fresh retry schedule")
    public MessageView replay(@PathParam("id") long id) {
        return messages.replay(id, actor());
    }

    @POST
    @Path("/messages/replay")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Send every dead letter of one recipient (endpoint, user, team or address) again")
    public Map<String, Integer> replayAll(@Valid @NotNull ReplayRequest request) {
        return Map.of("replayed", messages.replayAll(request.recipient(), actor()));
    }

    @POST
    @Path("/test")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Send a test notification to an endpoint or e-mail address through the outbox (202)")
    public Response test(@Valid @NotNull TestRequest request) {
        MessageView message = messages.sendTest(request, actor());
        return Response.accepted(message).location(URI.create("/api/notify/messages/" + message.id())).build();
    }

    private String actor() {
        return identity.getPrincipal().getName();
    }
}
