package io.cmeautopilot.notify.templates;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.cmeautopilot.common.ProblemException;
import io.cmeautopilot.common.Roles;

/** The notification templates in the rules directory: which there are, whether they parse, and a preview. */
@Path("/api/notify/templates")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Notifications")
@RolesAllowed({ Roles.ADMIN, Roles.OPS })
public class TemplateResource {

    @Inject
    Templates templates;

    /** The templates and the problems found in their files (syntax; variables are checked with the rule book). */
    public record Listing(SortedSet<String> templates, List<TemplateDiagnostic> diagnostics) {
    }

    /** Data to render a template with, top-level variables by name. */
    public record PreviewRequest(@NotNull @Size(max = 1000) Map<String, Object> data) {
    }

    @GET
    @Operation(summary = "Template names and any syntax problems, by file and line")
    public Listing list() {
        return new Listing(templates.names(), templates.validate(Set.of(), TemplateModel.ANY));
    }

    @POST
    @Path("/{name}/preview")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Render a template with the given data: subject, text, HTML; 422 when it cannot be rendered")
    public RenderedTemplate preview(@PathParam("name") String name, @Valid @NotNull PreviewRequest request) {
        if (!templates.names().contains(name)) {
            throw ProblemException.notFound("template", name);
        }
        try {
            return templates.render(name, request.data());
        } catch (TemplateRenderingException e) {
            throw ProblemException.invalidField("data", e.getMessage());
        }
    }
}
