package io.cmeautopilot.security.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.cmeautopilot.common.Page;
import io.cmeautopilot.common.Roles;

@Path("/api/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Security")
@RolesAllowed(Roles.ADMIN)
public class AuditResource {

    @Inject
    AuditService audit;

    @GET
    @Operation(summary = "Audit trail, newest first (admin)")
    public Page<AuditView> list(@QueryParam("actor") String actor, @QueryParam("action") String action,
            @QueryParam("targetType") String targetType, @QueryParam("cursor") String cursor,
            @QueryParam("limit") @DefaultValue("50") int limit) {
        return audit.list(actor, action, targetType, cursor, limit);
    }
}
