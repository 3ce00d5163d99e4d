package io.cmeautopilot.signals;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.JsonNode;

import io.agroal.api.AgroalDataSource;
import io.cmeautopilot.accounts.AccountLookup;
import io.cmeautopilot.common.ProblemException;

/**
 * Ingests a batch of signals: every item is checked on its own; good items are stored in one
 * set-based statement, idempotently by event id; bad ones come back with their reasons.
 */
@ApplicationScoped
public class SignalIngestService {

    @Inject
    AccountLookup accounts;
    @Inject
    AgroalDataSource dataSource;
    @Inject
    Clock clock;
    @Inject
    SignalsConfig config;

    @Transactional
    <T extends Signal> IngestResult ingest(SignalKind<T> kind, JsonNode batch) {
        if (batch == null || !batch.isArray()) {
            throw ProblemException.badRequest("the body must be a JSON array of items");
        }
        if (batch.size() > config.maxBatchSize()) {
            throw ProblemException.tooLarge("a batch holds at most " + config.maxBatchSize() + " items; this one has "
                    + batch.size() + ". Split it; nothing was stored");
        }
        Instant latestAllowed = clock.instant().plus(config.maxClockSkew());
        List<IngestResult.ItemError> errors = new ArrayList<>();
        List<T> readable = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            JsonNode node = batch.get(i);
            if (!node.isObject()) {
                errors.add(new IngestResult.ItemError(i, null, "item must be a JSON object"));
                continue;
            }
            ItemReader reader = new ItemReader(node);
            T item = kind.read(reader, latestAllowed);
            if (item == null) {
                errors.add(new IngestResult.ItemError(i, SignalKind.eventIdOf(node), reader.reason()));
            } else {
                readable.add(item);
                positions.add(i);
            }
        }
        Set<String> externalIds = new LinkedHashSet<>();
        readable.forEach(item -> externalIds.add(item.account()));
        Map<String, Long> ids = accounts.idsByExternalId(externalIds);

        List<T> known = new ArrayList<>(readable.size());
        long[] accountIds = new long[readable.size()];
        for (int i = 0; i < readable.size(); i++) {
            T item = readable.get(i);
            Long id = ids.get(item.account());
            if (id == null) {
                errors.add(new IngestResult.ItemError(positions.get(i), item.eventId(),
                        "account: no account has externalId '" + item.account() + "'"));
            } else {
                accountIds[known.size()] = id;
                known.add(item);
            }
        }
        int inserted = known.isEmpty() ? 0 : insert(kind, known, accountIds);
        errors.sort((a, b) -> Integer.compare(a.index(), b.index()));
        return new IngestResult(batch.size(), inserted, known.size() - inserted, errors.size(), errors);
    }

    /** Marks the accounts of new signals for evaluation (a later mark moves the debounce window). */
    private static final String MARK_DIRTY = """
            INSERT INTO dirty_accounts (account_id, marked_at)
            SELECT DISTINCT unnest(?::bigint[]), ? ORDER BY 1
            ON CONFLICT (account_id) DO UPDATE SET marked_at = excluded.marked_at""";

    private <T extends Signal> int insert(SignalKind<T> kind, List<T> items, long[] accountIds) {
        try (Connection c = dataSource.getConnection()) {
            int inserted = kind.insert(c, items, accountIds);
            if (inserted > 0) {
                try (java.sql.PreparedStatement ps = c.prepareStatement(MARK_DIRTY)) {
                    ps.setArray(1, c.createArrayOf("bigint", java.util.Arrays.stream(accountIds, 0, items.size())
                            .boxed().toArray()));
                    ps.setObject(2, clock.instant().atOffset(java.time.ZoneOffset.UTC));
                    ps.executeUpdate();
                }
            }
            return inserted;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not store " + items.size() + " signals", e);
        }
    }
}
