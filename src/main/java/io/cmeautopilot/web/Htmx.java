package io.cmeautopilot.web;

import java.net.URI;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * What the console answers a form: htmx (the page's own script) gets the fragment it swaps in; a
 * browser without JavaScript gets a redirect to the page to read (post/redirect/get).
 */
public final class Htmx {

    public static final String REQUEST = "HX-Request";
    /** The page the htmx request was made from. */
    public static final String CURRENT_URL = "HX-Current-URL";

    private Htmx() {
    }

    public static boolean isHtmx(HttpHeaders headers) {
        return "true".equals(headers.getHeaderString(REQUEST));
    }

    /** 303 to a console page: only paths inside the console, so a form field cannot send people elsewhere. */
    public static Response seeOther(String path) {
        return Response.seeOther(URI.create(safe(path, Nav.ROOT))).build();
    }

    /** The path itself when it is a console path, else the fallback. */
    public static String safe(String path, String fallback) {
        if (path == null || !(path.equals(Nav.ROOT) || path.startsWith(Nav.ROOT + "/")) || path.startsWith("//") || path.contains("\\")
                || path.contains("://") || path.chars().anyMatch(Character::isISOControl)) {
            return fallback;
        }
        return path;
    }

    /** The {@code If-Match} value for the version a form was rendered with (null: no check). */
    public static String ifMatch(Long version) {
        return version == null ? null : "\"" + version + "\"";
    }
}
