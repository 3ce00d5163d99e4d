package io.cmeautopilot.evaluation;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.cmeautopilot.common.Caller;
import io.cmeautopilot.common.Roles;
import io.quarkus.security.identity.SecurityIdentity;

@Path("/api/accounts/{id}/explain")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Evaluations")
public class ExplainResource {

    @Inject
    ExplainService explain;
    @Inject
    SecurityIdentity identity;

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.OPS, Roles.CME })
    @Operation(summary = "Which rules match this account now, on which values, and what would happen (writes nothing)")
    public ExplainService.Explanation explain(@PathParam("id") long id) {
        return explain.explain(id, Caller.of(identity));
    }
}
