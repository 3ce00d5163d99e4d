package io.cmeautopilot.web;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;


/** The front door: {@code /} leads to the console (which sends each reader to their page, see {@link LoginPage}). */
@Path("/")
public class HomePage {

    @GET
    @PermitAll
    public Response root() {
        return Htmx.seeOther(Nav.ROOT);
    }
}
