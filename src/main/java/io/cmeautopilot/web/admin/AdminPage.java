package io.cmeautopilot.web.admin;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

import io.cmeautopilot.common.Page;
import io.cmeautopilot.common.ProblemException;
import io.cmeautopilot.common.Roles;
import io.cmeautopilot.notify.endpoints.EndpointService;
import io.cmeautopilot.notify.endpoints.EndpointView;
import io.cmeautopilot.notify.messages.MessageService;
import io.cmeautopilot.notify.messages.MessageStatus;
import io.cmeautopilot.notify.messages.MessageView;
import io.cmeautopilot.security.audit.AuditService;
import io.cmeautopilot.security.audit.AuditView;
import io.cmeautopilot.security.keys.ApiKeyService;
import io.cmeautopilot.security.keys.ApiKeyView;
import io.cmeautopilot.security.users.UserRequest;
import io.cmeautopilot.security.users.UserService;
import io.cmeautopilot.security.users.UserView;
import io.cmeautopilot.web.Console;
import io.cmeautopilot.web.FormCheck;
import io.cmeautopilot.web.Htmx;
import io.cmeautopilot.web.Nav;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * Administration: people (admins), API keys (admins), notification endpoints and the outbox with its
 * dead letters (ops and admins), and the audit trail (admins). The same services and roles as the API.
 */
@Path(Nav.ADMIN)
@Produces(MediaType.TEXT_HTML)
public class AdminPage {

    static final int PAGE_SIZE = 50;

    @Inject
    Console console;
    @Inject
    UserService users;
    @Inject
    ApiKeyService keys;
    @Inject
    EndpointService endpoints;
    @Inject
    MessageService messages;
    @Inject
    AuditService audit;
    @Inject
    FormCheck forms;

    @CheckedTemplate(basePath = "console/admin")
    static class Templates {
        static native TemplateInstance users(List<UserView> users, List<String> roles);

        static native TemplateInstance keys(List<ApiKeyView> keys);

        static native TemplateInstance endpoints(List<EndpointView> endpoints);

        static native TemplateInstance outbox(Page<MessageView> messages, String status, List<String> statuses);

        static native TemplateInstance audit(Page<AuditView> entries);
    }

    /** Admins start on the people; ops (who may not manage people) on the outbox. */
    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.OPS })
    public Response home() {
        return Htmx.seeOther(console.isAdmin() ? Nav.ADMIN + "/users" : Nav.ADMIN + "/outbox");
    }

    @GET
    @Path("/users")
    @RolesAllowed(Roles.ADMIN)
    public String users() {
        return Templates.users(users.list(null), Roles.ALL.stream().sorted().toList()).render();
    }

    /** Creates or changes a person (roles, team, a new password when given). */
    @POST
    @Path("/users")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Roles.ADMIN)
    public Response saveUser(@RestForm String username, @RestForm String displayName, @RestForm String email,
            @RestForm String team, @RestForm("role") List<String> roles, @RestForm String password,
            @RestForm String disabled) {
        if (username == null || username.isBlank()) {
            throw ProblemException.invalidField("username", "must not be blank");
        }
        Set<String> chosen = roles == null ? Set.of() : roles.stream().map(r -> r.toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
        UserRequest request = forms.valid(new UserRequest(blank(displayName), blank(email), blank(team), chosen,
                blank(password), "on".equals(disabled)));
        users.upsert(username.strip(), request, console.username());
        return Htmx.seeOther(Nav.ADMIN + "/users");
    }

    @GET
    @Path("/keys")
    @RolesAllowed(Roles.ADMIN)
    public String keys() {
        return Templates.keys(keys.list(null)).render();
    }

    @POST
    @Path("/keys/{id}/revoke")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Roles.ADMIN)
    public Response revoke(@PathParam("id") long id) {
        keys.revoke(id, console.username());
        return Htmx.seeOther(Nav.ADMIN + "/keys");
    }

    @GET
    @Path("/endpoints")
    @RolesAllowed({ Roles.ADMIN, Roles.OPS })
    public String endpoints() {
        return Templates.endpoints(endpoints.list()).render();
    }

    @POST
    @Path("/endpoints/{name}/{move: pause|resume}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ Roles.ADMIN, Roles.OPS })
    public Response pauseOrResume(@PathParam("name") String name, @PathParam("move") String move) {
        if ("pause".equals(move)) {
            endpoints.pause(name, console.username());
        } else {
            endpoints.resume(name, console.username());
        }
        return Htmx.seeOther(Nav.ADMIN + "/endpoints");
    }

    @GET
    @Path("/outbox")
    @RolesAllowed({ Roles.ADMIN, Roles.OPS })
    public String outbox(@RestQuery String status, @RestQuery String cursor) {
        String chosen = status == null || status.isBlank() ? "DEAD" : status.strip().toUpperCase(Locale.ROOT);
        MessageStatus messageStatus;
        try {
            messageStatus = MessageStatus.valueOf(chosen);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("status", "must be one of " + List.of(MessageStatus.values()));
        }
        Page<MessageView> page = messages.list(List.of(messageStatus), null, null, null, cursor, PAGE_SIZE);
        return Templates.outbox(page, chosen, java.util.Arrays.stream(MessageStatus.values()).map(Enum::name).toList())
                .render();
    }

    @POST
    @Path("/outbox/{id}/replay")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({ Roles.ADMIN, Roles.OPS })
    public Response replay(@PathParam("id") long id) {
        messages.replay(id, console.username());
        return Htmx.seeOther(Nav.ADMIN + "/outbox");
    }

    @GET
    @Path("/audit")
    @RolesAllowed(Roles.ADMIN)
    public String audit(@RestQuery String actor, @RestQuery String action, @RestQuery String cursor) {
        return Templates.audit(audit.list(blank(actor), blank(action), null, cursor, PAGE_SIZE)).render();
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
