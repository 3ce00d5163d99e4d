package io.cmeautopilot.signals;

/** What every signal carries: the client's idempotency key and the account's external id. */
interface Signal {

    String eventId();

    String account();
}
