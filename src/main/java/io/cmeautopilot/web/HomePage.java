package io.cmeautopilot.web;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import io.cmeautopilot.common.Roles;

/** The front door: {@code /} leads to the console, and the console to the page that fits the reader's role. */
@Path("/")
public class HomePage {

    @Inject
    Console console;

    @GET
    @PermitAll
    public Response root() {
        return Htmx.seeOther(Nav.ROOT + "/");
    }

    @GET
    @Path("/console{slash: /?}")
    @RolesAllowed({ Roles.ADMIN, Roles.OPS, Roles.CME })
    public Response console() {
        return Htmx.seeOther(console.home());
    }
}
