package io.cmeautopilot.security;

import java.util.Set;

import io.cmeautopilot.common.Caller;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;

/** Builds the security identity every authentication mechanism hands to the endpoints. */
public final class Identities {

    /** How the caller authenticated: {@code api-key}, {@code session}. */
    public static final String METHOD_ATTRIBUTE = "authMethod";
    /** The session's CSRF token (session identities only): forms and state-changing calls must carry it. */
    public static final String CSRF_ATTRIBUTE = "csrfToken";

    private Identities() {
    }

    public static SecurityIdentity of(String principal, Set<String> roles, String team, String method) {
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(principal))
                .addRoles(roles)
                .addAttribute(METHOD_ATTRIBUTE, method);
        if (team != null) {
            builder.addAttribute(Caller.TEAM_ATTRIBUTE, team);
        }
        return builder.build();
    }
}
