package io.cmeautopilot.health.report;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.cmeautopilot.common.Caller;
import io.cmeautopilot.common.Roles;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.security.identity.SecurityIdentity;

@Path("/api/accounts/{id}/health")
@Tag(name = "Health")
public class HealthReportResource {

    @Inject
    HealthReportService service;
    @Inject
    SecurityIdentity identity;
    @Inject
    @Location("health/report.html")
    Template page;

    @GET
    @Path("/report")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ADMIN, Roles.OPS, Roles.CME })
    @Operation(summary = "The monthly health-check report (the 30 days before the end of `date`, default: now) as JSON")
    public HealthReport report(@PathParam("id") long id, @QueryParam("date") String date) {
        return service.report(id, date, Caller.of(identity));
    }

    @GET
    @Path("/report.html")
    @Produces(MediaType.TEXT_HTML)
    @RolesAllowed({ Roles.ADMIN, Roles.OPS, Roles.CME })
    @Operation(summary = "The same report as a printable HTML page with SVG charts (no scripts, no external resources)")
    public String html(@PathParam("id") long id, @QueryParam("date") String date) {
        return page.data("r", service.rendered(id, date, Caller.of(identity))).render();
    }
}
