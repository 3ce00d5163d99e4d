package io.cmeautopilot.web;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.RestCookie;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

import io.cmeautopilot.common.Roles;
import io.cmeautopilot.security.sessions.Sessions;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

/**
 * The console's entry: logging in with a user name and password (the API's users and sessions) and
 * out, and {@code /console} itself, which sends each reader to the page that fits their role.
 */
@Path(Nav.ROOT)
@Produces(MediaType.TEXT_HTML)
public class LoginPage {

    @Inject
    Sessions sessions;
    @Inject
    Console console;

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance login(String next, String username, String error);
    }

    /** A CME lands on My work, a team lead on their team, ops on the rules, an admin on admin. */
    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.OPS, Roles.CME })
    public Response home() {
        return Htmx.seeOther(console.home());
    }

    @GET
    @Path("/login")
    @PermitAll
    public String form(@RestQuery String next) {
        return Templates.login(Htmx.safe(next, ""), "", null).render();
    }

    @POST
    @Path("/login")
    @PermitAll
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response login(@RestForm String username, @RestForm String password, @RestForm String next,
            @Context UriInfo uri) {
        if (username == null || username.isBlank() || password == null || password.isEmpty()
                || username.length() > 200 || password.length() > 200) {
            return failed(username, next, "Enter your user name and password.");
        }
        return sessions.start(username.strip(), password, "https".equals(uri.getRequestUri().getScheme()))
                .map(started -> Response.seeOther(java.net.URI.create(Htmx.safe(next, Nav.ROOT)))
                        .cookie(started.cookie()).build())
                .orElseGet(() -> failed(username, next,
                        "Wrong user name or password, or too many failed attempts: try again later."));
    }

    @POST
    @Path("/logout")
    @Authenticated
    public Response logout(@RestCookie(Sessions.COOKIE) String cookie) {
        Response.ResponseBuilder answer = Response.seeOther(java.net.URI.create(Nav.LOGIN));
        return (cookie == null ? answer : answer.cookie(sessions.end(cookie))).build();
    }

    private static Response failed(String username, String next, String error) {
        String shown = username == null ? "" : username.length() > 200 ? username.substring(0, 200) : username;
        return Response.status(401).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Templates.login(Htmx.safe(next, ""), shown, error).render()).build();
    }
}
