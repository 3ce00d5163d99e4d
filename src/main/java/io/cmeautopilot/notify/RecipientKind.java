package io.cmeautopilot.notify;

/**
 * Who a notification is for; resolved when it is delivered, so that a changed e-mail address or a
 * new team member is honoured by retries.
 */
public enum RecipientKind {
    /** A user name: the user's e-mail address ({@code users.email}). */
    OWNER,
    /** A team name: the e-mail addresses of the enabled users of that team. */
    TEAM,
    /** An e-mail address, as is. */
    ADDRESS,
    /** The name of an endpoint registered over {@code /api/notify/endpoints} (webhook or Slack). */
    ENDPOINT
}
