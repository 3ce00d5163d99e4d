package io.cmeautopilot.common;

import java.util.Set;

/** The roles every endpoint declares (see docs/integrating.md, Security). A user or key may hold several. */
public final class Roles {

    /** Users, keys, audit, and everything else. */
    public static final String ADMIN = "admin";
    /** Rules, schedules, evaluations, runs; reads and maintains customer data. */
    public static final String OPS = "ops";
    /** Their own tasks, their team's queues, the accounts they own or their team owns. */
    public static final String CME = "cme";
    /** Machines: push accounts and signals, trigger evaluations, read run status. */
    public static final String INTEGRATION = "integration";

    public static final Set<String> ALL = Set.of(ADMIN, OPS, CME, INTEGRATION);

    private Roles() {
    }
}
