package io.cmeautopilot.common;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * The one place where exceptions become HTTP answers: always RFC 9457 problem+json, never a class
 * name or a stack trace. Unexpected failures are logged with a correlation id that the answer carries.
 */
class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    Response problem(ProblemException e, UriInfo uri) {
        return respond(new Problem(ProblemTypes.of(e.slug()), e.title(), e.status(), e.getMessage(),
                path(uri), e.errors().isEmpty() ? null : e.errors(), null));
    }

    /** Two writers changed the same row at once (a flush found another version): the loser reads again. */
    @ServerExceptionMapper
    Response optimisticLock(OptimisticLockException e, UriInfo uri) {
        return respond(new Problem(ProblemTypes.of("conflict"), "Conflict", 409,
                "someone else changed this at the same moment; read it again and retry", path(uri), null, null));
    }

    @ServerExceptionMapper
    Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        return respond(new Problem(ProblemTypes.of("validation"), "Invalid input", 422,
                errors.size() + " field(s) are invalid", path(uri), errors, null));
    }

    @ServerExceptionMapper
    Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        return respond(JsonProblems.describe(e, path(uri)));
    }

    @ServerExceptionMapper
    Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return respond(JsonProblems.describe(e, path(uri)));
    }

    @ServerExceptionMapper
    Response invalidFormat(InvalidFormatException e, UriInfo uri) {
        return respond(JsonProblems.describe(e, path(uri)));
    }

    @ServerExceptionMapper
    Response unknownProperty(UnrecognizedPropertyException e, UriInfo uri) {
        return respond(JsonProblems.describe(e, path(uri)));
    }

    @ServerExceptionMapper
    Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return unauthenticated("credentials are required: an API key (Authorization: Bearer ...) or a login session", uri);
    }

    @ServerExceptionMapper
    Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return unauthenticated("the API key or session is not valid (unknown, revoked, expired or logged out)", uri);
    }

    @ServerExceptionMapper
    Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(new Problem(ProblemTypes.of("forbidden"), "Forbidden", 403,
                "your roles do not allow this request", path(uri), null, null));
    }

    private static Response unauthenticated(String detail, UriInfo uri) {
        return Response.status(401).type(Problem.MEDIA_TYPE).header("WWW-Authenticate", "Bearer")
                .entity(new Problem(ProblemTypes.of("unauthorized"), "Unauthorized", 401, detail, path(uri), null, null))
                .build();
    }

    @ServerExceptionMapper
    Response webApplication(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, uri);
        }
        if (e.getCause() instanceof JsonProcessingException json) {
            return respond(JsonProblems.describe(json, path(uri)));
        }
        String title = Response.Status.fromStatusCode(status) == null ? "Error"
                : Response.Status.fromStatusCode(status).getReasonPhrase();
        Response.ResponseBuilder answer = Response.status(status).type(Problem.MEDIA_TYPE)
                .entity(new Problem(ProblemTypes.of(ProblemTypes.slugFor(status)), title, status,
                        detailFor(status, e), path(uri), null, null));
        // Keep protocol headers such as Allow (405) that the framework put on its answer.
        e.getResponse().getHeaders().forEach((name, values) -> {
            if (!"Content-Type".equalsIgnoreCase(name) && !"Content-Length".equalsIgnoreCase(name)) {
                values.forEach(value -> answer.header(name, value));
            }
        });
        return answer.build();
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    Response unexpected(Throwable e, UriInfo uri) {
        String correlationId = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected failure on %s (correlation id %s)", path(uri), correlationId);
        return respond(new Problem(ProblemTypes.of("internal"), "Internal server error", 500,
                "The server failed to handle the request; quote the correlation id when reporting it",
                path(uri), null, correlationId));
    }

    static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static String detailFor(int status, WebApplicationException e) {
        return switch (status) {
            case 404 -> "No resource at this path";
            case 405 -> "This method is not supported on this path";
            case 406 -> "None of the accepted media types can be produced";
            case 415 -> "This media type is not accepted here";
            default -> e.getResponse().getStatusInfo().getReasonPhrase();
        };
    }

    private static String fieldOf(ConstraintViolation<?> violation) {
        // "create.request.name" -> "name", "list.limit" -> "limit": drop the method (and parameter) names.
        // "eventTypes[0].<list element>" (a constraint on a list's elements) -> "eventTypes[0]".
        String path = violation.getPropertyPath().toString().replaceAll("\\.<[a-z ]+>", "");
        String[] parts = path.split("\\.", 3);
        return parts.length == 3 ? parts[2] : parts[parts.length - 1];
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
    }
}
