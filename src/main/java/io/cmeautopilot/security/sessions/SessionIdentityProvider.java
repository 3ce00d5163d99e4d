package io.cmeautopilot.security.sessions;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.cmeautopilot.security.Identities;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
class SessionIdentityProvider implements IdentityProvider<SessionAuthenticationRequest> {

    @Inject
    SessionStore sessions;

    @Override
    public Class<SessionAuthenticationRequest> getRequestType() {
        return SessionAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(SessionAuthenticationRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> sessions.find(request.cookieValue())
                .map(s -> (SecurityIdentity) QuarkusSecurityIdentity.builder(
                        Identities.of(s.person().username(), s.person().roles(), s.person().team(), "session"))
                        .addAttribute(Identities.CSRF_ATTRIBUTE, s.csrfToken()).build())
                .orElseThrow(() -> new AuthenticationFailedException("session expired or logged out")));
    }
}
