package io.cmeautopilot.security.sessions;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.cmeautopilot.common.ProblemException;
import io.cmeautopilot.security.Identities;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * A state-changing request authenticated by the session cookie must carry the session's CSRF token
 * in {@code X-CSRF-Token}: a cookie is sent by the browser on its own, a header is not. (The cookie
 * is also SameSite=Strict; this is the second line.) API-key requests need no token.
 */
class CsrfFilter {

    static final String HEADER = "X-CSRF-Token";
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    @Inject
    SecurityIdentity identity;

    @ServerRequestFilter
    void requireToken(ContainerRequestContext request) {
        if (SAFE.contains(request.getMethod()) || identity.isAnonymous()
                || !"session".equals(identity.getAttribute(Identities.METHOD_ATTRIBUTE))) {
            return;
        }
        String expected = identity.getAttribute(SessionIdentityProvider.CSRF_ATTRIBUTE);
        String given = request.getHeaderString(HEADER);
        if (given == null || expected == null || !MessageDigest.isEqual(
                given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8))) {
            throw new ProblemException(403, "csrf", "Forbidden",
                    "a request with the session cookie that changes something needs the session's token in " + HEADER, null);
        }
    }
}
