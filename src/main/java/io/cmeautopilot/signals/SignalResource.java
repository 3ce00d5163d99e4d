package io.cmeautopilot.signals;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.JsonNode;

import io.cmeautopilot.common.Roles;

/**
 * Batch ingestion of signals. Each endpoint takes a JSON array (at most {@code cme.signals.max-batch-size}
 * items), is idempotent by {@code eventId}, keeps the good items and reports the rejected ones.
 */
@Path("/api/signals")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Signals")
@RolesAllowed({ Roles.ADMIN, Roles.INTEGRATION })
public class SignalResource {

    @Inject
    SignalIngestService service;
    @Inject
    UsageEvents usageEvents;
    @Inject
    TicketEvents ticketEvents;
    @Inject
    SurveyResponses surveyResponses;

    @POST
    @Path("/usage-events")
    @Operation(summary = "Ingest usage events: login, feature_use, api_call, error")
    public IngestResult usageEvents(JsonNode batch) {
        return service.ingest(usageEvents, batch);
    }

    @POST
    @Path("/tickets")
    @Operation(summary = "Ingest support ticket events: opened, updated, closed")
    public IngestResult tickets(JsonNode batch) {
        return service.ingest(ticketEvents, batch);
    }

    @POST
    @Path("/surveys")
    @Operation(summary = "Ingest survey answers: NPS (0-10) and CSAT (1-5)")
    public IngestResult surveys(JsonNode batch) {
        return service.ingest(surveyResponses, batch);
    }
}
