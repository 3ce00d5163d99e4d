package io.cmeautopilot.rules;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.cmeautopilot.common.Problem;
import io.cmeautopilot.common.ProblemTypes;

/** Maps a rejected rule book to its problem document (more specific than the common ProblemException mapper). */
class RuleBookProblemMapper {

    @ServerExceptionMapper
    Response rejected(RuleBookRejectedException e, UriInfo uri) {
        RuleBookProblem body = new RuleBookProblem(ProblemTypes.of(e.slug()), e.title(), e.status(), e.getMessage(),
                uri == null ? null : "/" + uri.getPath().replaceFirst("^/", ""), e.errors(), e.diagnostics());
        return Response.status(e.status()).type(Problem.MEDIA_TYPE).entity(body).build();
    }
}
