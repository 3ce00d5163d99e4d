package io.cmeautopilot.signals;

import java.util.List;

/**
 * What became of a batch: {@code accepted} new items stored, {@code duplicates} already known by
 * their event id (in an earlier batch or earlier in this one), {@code rejected} items with a reason each.
 */
public record IngestResult(int received, int accepted, int duplicates, int rejected, List<ItemError> errors) {

    /** Why item {@code index} (0-based position in the batch) was rejected. */
    public record ItemError(int index, String eventId, String reason) {
    }
}
