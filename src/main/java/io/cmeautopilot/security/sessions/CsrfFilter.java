package io.cmeautopilot.security.sessions;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

import io.cmeautopilot.common.ProblemException;
import io.cmeautopilot.security.Identities;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * A state-changing request authenticated by the session cookie must carry the session's CSRF token:
 * in {@code X-CSRF-Token} (scripts, htmx), or for an HTML form in its {@code _csrf} field. A cookie
 * is sent by the browser on its own, a header or a field of our own page is not. (The cookie is also
 * SameSite=Strict; this is the second line.) API-key requests need no token.
 */
class CsrfFilter {

    static final String HEADER = "X-CSRF-Token";
    static final String FORM_FIELD = "_csrf";
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    @Inject
    SecurityIdentity identity;

    // Form bodies are read before this filter (@WithFormRead), so the field can be checked here, in one place.
    @WithFormRead
    @ServerRequestFilter
    void requireToken(ResteasyReactiveContainerRequestContext request) {
        if (SAFE.contains(request.getMethod()) || identity.isAnonymous()
                || !"session".equals(identity.getAttribute(Identities.METHOD_ATTRIBUTE))) {
            return;
        }
        String expected = identity.getAttribute(Identities.CSRF_ATTRIBUTE);
        String given = request.getHeaderString(HEADER);
        if (given == null && isForm(request.getMediaType())) {
            Object field = ((ResteasyReactiveRequestContext) request.getServerRequestContext())
                    .getFormParameter(FORM_FIELD, true, false);
            given = field == null ? null : field.toString();
        }
        if (given == null || expected == null || !MessageDigest.isEqual(
                given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8))) {
            throw new ProblemException(403, "csrf", "Forbidden",
                    "a request with the session cookie that changes something needs the session's token in " + HEADER
                            + " (or, from a form, in its " + FORM_FIELD + " field): reload the page and try again", null);
        }
    }

    private static boolean isForm(MediaType type) {
        return type != null && (type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                || type.isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE));
    }
}
