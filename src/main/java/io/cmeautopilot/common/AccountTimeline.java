package io.cmeautopilot.common;

import java.time.Instant;
import java.util.List;

/**
 * A source of what happened to an account, for the account's timeline (usage, tickets, surveys,
 * tasks, offers, notifications...). A feature adds its events by providing an
 * {@code @ApplicationScoped} bean of this type; readers merge all sources by time. Callers check
 * that the reader may see the account before asking.
 */
public interface AccountTimeline {

    /**
     * One thing that happened: when, what kind (a short lower-case word: usage, ticket, survey,
     * task, offer, suggestion, notification), a one-line title, optional detail, and the API path
     * of the object it is about (null when there is none).
     */
    record Entry(Instant at, String kind, String title, String detail, String ref) {
    }

    /** The account's entries at or after {@code since}, newest first, at most {@code limit}. */
    List<Entry> entries(long accountId, Instant since, int limit);
}
