package io.cmeautopilot.common;

import java.util.Set;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * Who is calling, as far as object-level checks need it. A caller whose only data-reading role is
 * {@code cme} is scoped: it sees the accounts it owns or its team owns, and nothing else.
 */
public record Caller(String username, Set<String> roles, String team) {

    public static final String TEAM_ATTRIBUTE = "team";

    public static Caller of(SecurityIdentity identity) {
        return new Caller(identity.getPrincipal().getName(), identity.getRoles(),
                identity.getAttribute(TEAM_ATTRIBUTE));
    }

    /** True when the caller may only see the accounts of its own book of business. */
    public boolean scopedToOwnAccounts() {
        return roles.contains(Roles.CME) && !roles.contains(Roles.ADMIN) && !roles.contains(Roles.OPS)
                && !roles.contains(Roles.INTEGRATION);
    }

    /** Whether an account with this owner and team is within the caller's scope. */
    public boolean canSee(String accountOwner, String accountTeam) {
        return !scopedToOwnAccounts() || username.equals(accountOwner) || (team != null && team.equals(accountTeam));
    }
}
