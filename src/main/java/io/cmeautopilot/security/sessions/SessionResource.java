package io.cmeautopilot.security.sessions;

import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.cmeautopilot.common.Caller;
import io.cmeautopilot.common.ProblemException;
import io.cmeautopilot.security.Identities;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;

@Path("/api/session")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Security")
public class SessionResource {

    @Inject
    Sessions sessions;
    @Inject
    SecurityIdentity identity;

    public record Login(@NotBlank @Size(max = 200) String username, @NotBlank @Size(max = 200) String password) {
    }

    public record Me(String username, List<String> roles, String team, String authMethod, String csrfToken) {
    }

    @POST
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Log in with a password: sets the session cookie and returns the CSRF token")
    public Response login(@Valid @NotNull Login login, @Context UriInfo uri) {
        Sessions.Started started = sessions.start(login.username(), login.password(),
                "https".equals(uri.getRequestUri().getScheme())).orElseThrow(() -> new ProblemException(401,
                        "login-failed", "Login failed",
                        "wrong username or password, or too many failed attempts: try again later", null));
        var person = started.person();
        return Response.ok(new Me(person.username(), person.roles().stream().sorted().toList(), person.team(), "session",
                started.csrfToken())).cookie(started.cookie()).build();
    }

    @GET
    @Authenticated
    @Operation(summary = "Who am I: user or key name, roles, team")
    public Me me() {
        Caller caller = Caller.of(identity);
        return new Me(caller.username(), caller.roles().stream().sorted().toList(), caller.team(),
                identity.getAttribute(Identities.METHOD_ATTRIBUTE), identity.getAttribute(Identities.CSRF_ATTRIBUTE));
    }

    @DELETE
    @Authenticated
    @Operation(summary = "Log out: ends the session on every node and clears the cookie")
    public Response logout(@CookieParam(SessionAuthenticationMechanism.COOKIE) String cookieValue) {
        if (cookieValue == null) {
            throw ProblemException.badRequest("there is no session cookie to log out");
        }
        return Response.noContent().cookie(sessions.end(cookieValue)).build();
    }
}
