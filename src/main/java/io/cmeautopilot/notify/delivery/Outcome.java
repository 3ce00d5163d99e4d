package io.cmeautopilot.notify.delivery;

/**
 * What one delivery attempt came to. {@code target} says where it went (URL, addresses) and
 * {@code error} why it failed; both are shown in the attempt list.
 */
record Outcome(Kind kind, Integer statusCode, String target, String error, long latencyMs) {

    enum Kind {
        /** The receiver accepted it. */
        DELIVERED,
        /** Worth trying again later (timeout, 5xx, connection refused, SMTP failure). */
        FAILED,
        /** Trying again cannot help until someone changes something: dead-lettered now (replayable). */
        REJECTED,
        /** 410 Gone: dead-lettered and the endpoint is disabled. */
        GONE,
        /** The endpoint does not subscribe to the event type: finished without an attempt. */
        FILTERED,
        /** The endpoint was paused after the message was claimed: put back without an attempt. */
        POSTPONED
    }

    static Outcome delivered(Integer statusCode, String target, long latencyMs) {
        return new Outcome(Kind.DELIVERED, statusCode, target, null, latencyMs);
    }

    static Outcome failed(Integer statusCode, String target, String error, long latencyMs) {
        return new Outcome(Kind.FAILED, statusCode, target, error, latencyMs);
    }

    static Outcome rejected(String target, String error) {
        return new Outcome(Kind.REJECTED, null, target, error, 0);
    }

    static Outcome filtered(String reason) {
        return new Outcome(Kind.FILTERED, null, null, reason, 0);
    }

    static Outcome postponed() {
        return new Outcome(Kind.POSTPONED, null, null, null, 0);
    }
}
