package io.cmeautopilot.signals;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** One kind of signal (usage event, ticket event, survey answer): how to read it and store a batch. */
interface SignalKind<T extends Signal> {

    /** The item, or null when the reader collected problems. */
    T read(ItemReader reader, Instant latestAllowed);

    /** Stores the items (account ids resolved), skipping known event ids; returns how many were new. */
    int insert(Connection connection, List<T> items, long[] accountIds) throws SQLException;

    static String eventIdOf(JsonNode item) {
        JsonNode id = item == null ? null : item.get("eventId");
        return id != null && id.isTextual() ? id.asText() : null;
    }
}
