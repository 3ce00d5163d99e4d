package io.cmeautopilot.security.oidc;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

import io.cmeautopilot.common.Caller;
import io.cmeautopilot.security.Identities;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * For tokens from an identity provider (OIDC, off by default): the CME team comes from a claim
 * ({@code cme.security.oidc.team-claim}, default {@code team}); roles come from the token's role
 * claim as configured for quarkus-oidc.
 */
@ApplicationScoped
class OidcTeamAugmentor implements SecurityIdentityAugmentor {

    @ConfigProperty(name = "cme.security.oidc.team-claim", defaultValue = "team")
    String teamClaim;

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (!(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Uni.createFrom().item(identity);
        }
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder(identity)
                .addAttribute(Identities.METHOD_ATTRIBUTE, "oidc");
        Object team = token.getClaim(teamClaim);
        if (team != null) {
            builder.addAttribute(Caller.TEAM_ATTRIBUTE, team.toString());
        }
        return Uni.createFrom().item(builder.build());
    }
}
