package io.cmeautopilot.security.keys;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.cmeautopilot.security.Identities;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
class ApiKeyIdentityProvider implements IdentityProvider<ApiKeyAuthenticationRequest> {

    @Inject
    ApiKeyService keys;

    @Override
    public Class<ApiKeyAuthenticationRequest> getRequestType() {
        return ApiKeyAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(ApiKeyAuthenticationRequest request, AuthenticationRequestContext context) {
        // The key store is a database: look it up on a worker thread, never on the event loop.
        return context.runBlocking(() -> keys.authenticate(request.key())
                .map(holder -> Identities.of(holder.principal(), holder.roles(), holder.team(), "api-key"))
                .orElseThrow(() -> new AuthenticationFailedException("unknown, revoked or expired API key")));
    }
}
