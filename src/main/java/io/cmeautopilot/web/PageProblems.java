package io.cmeautopilot.web;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.cmeautopilot.common.Problem;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * Console pages fail the way the API does (the same services throw the same problems, mapped in
 * one place), and this filter shows the problem to a person: a page of its own for a browser, an
 * alert fragment for htmx (the form's error area shows it). A request without a session goes to
 * the login page. Every console answer also gets the headers that keep the pages to themselves.
 */
class PageProblems {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    @CheckedTemplate(basePath = "console")
    static class Templates {
        static native TemplateInstance problem(Problem problem, String back);

        static native TemplateInstance problem$alert(Problem problem, String back);
    }

    @ServerResponseFilter
    void show(ContainerRequestContext request, ContainerResponseContext response) {
        String path = request.getUriInfo().getPath();
        if (!path.equals(Nav.ROOT) && !path.startsWith(Nav.ROOT)) {
            return;
        }
        response.getHeaders().putSingle("Content-Security-Policy", CSP);
        response.getHeaders().putSingle("X-Content-Type-Options", "nosniff");
        response.getHeaders().putSingle("Referrer-Policy", "same-origin");
        if (!(response.getEntity() instanceof Problem problem)) {
            return;
        }
        boolean htmx = "true".equals(request.getHeaderString(Htmx.REQUEST));
        if (problem.status() == 401) {
            String next = htmx ? pathOf(request.getHeaderString(Htmx.CURRENT_URL)) : pathAndQuery(request);
            String login = Nav.LOGIN + "?next=" + URLEncoder.encode(Htmx.safe(next, Nav.ROOT), StandardCharsets.UTF_8);
            response.getHeaders().remove(HttpHeaders.WWW_AUTHENTICATE);
            if (htmx) {
                response.getHeaders().putSingle("HX-Redirect", login);
            } else {
                response.setStatus(303);
                response.getHeaders().putSingle(HttpHeaders.LOCATION, login);
            }
            response.setEntity(null);
            return;
        }
        String back = Htmx.safe(htmx ? pathOf(request.getHeaderString(Htmx.CURRENT_URL))
                : pathOf(request.getHeaderString("Referer")), null);
        TemplateInstance page = htmx ? Templates.problem$alert(problem, back) : Templates.problem(problem, back);
        response.setEntity(page.render(), null, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"));
    }

    private static String pathAndQuery(ContainerRequestContext request) {
        URI uri = request.getUriInfo().getRequestUri();
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    /** The path and query of an absolute URL a browser sent (Referer, HX-Current-URL); null when unusable. */
    static String pathOf(String url) {
        if (url == null) {
            return null;
        }
        try {
            URI uri = URI.create(url);
            return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
