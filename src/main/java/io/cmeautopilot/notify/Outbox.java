package io.cmeautopilot.notify;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;
import io.cmeautopilot.common.NamedSql;

/**
 * The transactional outbox: the only way to send a notification. {@link #enqueue} writes the message
 * in the caller's transaction, so it is delivered if and only if the action that caused it commits.
 * Delivery happens afterwards, at least once, on whichever node claims it first (see docs/operating.md, Notification delivery).
 *
 * <pre>{@code
 * QuarkusTransaction.requiringNew().run(() -> {
 *     task.escalate();                                        // the action
 *     RenderedTemplate r = templates.render("task-escalated", Map.of("task", view));
 *     outbox.enqueue(OutboundMessage.builder("task.escalated", DeliveryChannel.EMAIL,
 *             OutboundMessage.Recipient.owner(view.assignee()), "task-escalated:" + view.id())
 *         .accountId(view.accountId()).rendered(r).evidence(Map.of("task", view.id())).build());
 * });
 * }</pre>
 */
@ApplicationScoped
public class Outbox {

    private static final String INSERT_ROW = """
            INSERT INTO notify_messages (message_id, source_key, event_type, channel, recipient_kind, recipient,
                                         account_id, subject, body_text, body_html, payload, evidence, cooldown_key,
                                         next_attempt_at, created_at)
            VALUES (:messageId, :sourceKey, :eventType, :channel, :recipientKind, :recipient, :accountId, :subject,
                    :text, :html, CAST(:payload AS jsonb), CAST(:evidence AS jsonb), :cooldownKey, :now, :now)
            ON CONFLICT (source_key) DO NOTHING
            RETURNING id""";

    /** The new row's id, or the existing one's when the source key is taken. */
    private static final NamedSql INSERT = NamedSql.of("WITH inserted AS (" + INSERT_ROW + """
            )
            SELECT id FROM inserted
            UNION ALL
            SELECT id FROM notify_messages WHERE source_key = :sourceKey""");

    private static final NamedSql BY_SOURCE_KEY = NamedSql.of("SELECT id FROM notify_messages WHERE source_key = :sourceKey");

    private static final NamedSql LAST_ENQUEUED = NamedSql.of("""
            SELECT created_at FROM notify_messages WHERE cooldown_key = :cooldownKey
            ORDER BY created_at DESC LIMIT 1""");

    /** Locks every key, in key order (two transactions never wait on each other in a cycle). */
    private static final NamedSql LOCK_COOLDOWN_KEYS = NamedSql.of("SELECT count(pg_advisory_xact_lock(" + 0x6e6f7466
            + ", hashtext(k))) FROM (SELECT DISTINCT k FROM unnest(CAST(:keys AS text[])) AS u(k) ORDER BY k) s");

    private static final NamedSql LAST_ENQUEUED_ALL = NamedSql.of("""
            SELECT k.key, (SELECT max(m.created_at) FROM notify_messages m WHERE m.cooldown_key = k.key) AS last
            FROM unnest(CAST(:keys AS text[])) AS k(key)""");

    private static final NamedSql INSERT_ALL = NamedSql.of("""
            INSERT INTO notify_messages (message_id, source_key, event_type, channel, recipient_kind, recipient,
                                         account_id, subject, body_text, body_html, payload, evidence, cooldown_key,
                                         next_attempt_at, created_at)
            SELECT 'msg_' || replace(gen_random_uuid()::text, '-', ''), m.source_key, m.event_type, m.channel,
                   m.recipient_kind, m.recipient, m.account_id, m.subject, m.body_text, m.body_html,
                   CAST(m.payload AS jsonb), CAST(m.evidence AS jsonb), m.cooldown_key, :now, :now
            FROM unnest(CAST(:sourceKeys AS text[]), CAST(:eventTypes AS text[]), CAST(:channels AS text[]),
                        CAST(:recipientKinds AS text[]), CAST(:recipients AS text[]), CAST(:accountIds AS bigint[]),
                        CAST(:subjects AS text[]), CAST(:texts AS text[]), CAST(:htmls AS text[]),
                        CAST(:payloads AS text[]), CAST(:evidence AS text[]), CAST(:cooldownKeys AS text[]))
                 AS m(source_key, event_type, channel, recipient_kind, recipient, account_id, subject, body_text,
                      body_html, payload, evidence, cooldown_key)
            ON CONFLICT (source_key) DO NOTHING
            RETURNING source_key""");

    @Inject
    AgroalDataSource dataSource;
    @Inject
    Clock clock;
    @Inject
    ObjectMapper json;
    @Inject
    Event<MessagesDue> due;

    /**
     * Writes the message to the outbox within the caller's transaction (there must be one) and returns
     * its id. Enqueuing a source key that is already in the outbox writes nothing and returns the
     * existing message's id. After the transaction commits, this node's dispatcher is woken at once.
     *
     * @throws IllegalArgumentException when the payload or evidence cannot be written as JSON
     * @throws jakarta.transaction.TransactionalException when called outside a transaction
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public long enqueue(OutboundMessage message) {
        Map<String, Object> values = values(message, null, clock.instant());
        try (Connection c = dataSource.getConnection()) {
            Long id = firstId(c, INSERT, values);
            if (id == null) {
                // A concurrent transaction inserted the same source key after our statement's snapshot.
                id = firstId(c, BY_SOURCE_KEY, Map.of("sourceKey", message.sourceKey()));
            }
            if (id == null) {
                throw new IllegalStateException("No outbox row for source key " + message.sourceKey());
            }
            due.fire(new MessagesDue());
            return id;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not write the notification to the outbox", e);
        }
    }

    /**
     * For a batch of messages with cooldowns: locks their cooldown keys until the caller's transaction
     * ends and answers when each key was last
     * enqueued; a key never enqueued is absent. Check the cooldowns against the answer, then
     * {@link #enqueueAll} what passes, in the same transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<String, Instant> lockCooldownKeys(Collection<String> cooldownKeys) {
        Map<String, Instant> last = new HashMap<>();
        if (cooldownKeys.isEmpty()) {
            return last;
        }
        String[] keys = cooldownKeys.toArray(String[]::new);
        try (Connection c = dataSource.getConnection()) {
            firstId(c, LOCK_COOLDOWN_KEYS, Map.of("keys", keys));
            try (PreparedStatement ps = LAST_ENQUEUED_ALL.prepare(c, Map.of("keys", keys)); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    OffsetDateTime at = rs.getObject("last", OffsetDateTime.class);
                    if (at != null) {
                        last.put(rs.getString("key"), at.toInstant());
                    }
                }
            }
            return last;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the outbox", e);
        }
    }

    /**
     * Writes many messages in one statement, within the caller's transaction, each with its cooldown
     * key (null for none; parallel to {@code messages}). A source key already in the outbox is not
     * written again. Answers the source keys written.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<String> enqueueAll(List<OutboundMessage> messages, List<String> cooldownKeys) {
        Set<String> written = new HashSet<>();
        if (messages.isEmpty()) {
            return written;
        }
        int n = messages.size();
        String[] sourceKeys = new String[n], eventTypes = new String[n], channels = new String[n],
                recipientKinds = new String[n], recipients = new String[n], subjects = new String[n], texts = new String[n],
                htmls = new String[n], payloads = new String[n], evidence = new String[n];
        Long[] accountIds = new Long[n];
        for (int i = 0; i < n; i++) {
            OutboundMessage m = messages.get(i);
            sourceKeys[i] = m.sourceKey();
            eventTypes[i] = m.eventType();
            channels[i] = m.channel().name();
            recipientKinds[i] = m.recipient().kind().name();
            recipients[i] = m.recipient().value();
            accountIds[i] = m.accountId();
            subjects[i] = m.subject();
            texts[i] = m.text();
            htmls[i] = m.html();
            payloads[i] = write(m.payload(), "payload");
            evidence[i] = write(m.evidence(), "evidence");
        }
        Map<String, Object> values = new HashMap<>();
        values.put("sourceKeys", sourceKeys);
        values.put("eventTypes", eventTypes);
        values.put("channels", channels);
        values.put("recipientKinds", recipientKinds);
        values.put("recipients", recipients);
        values.put("accountIds", accountIds);
        values.put("subjects", subjects);
        values.put("texts", texts);
        values.put("htmls", htmls);
        values.put("payloads", payloads);
        values.put("evidence", evidence);
        values.put("cooldownKeys", cooldownKeys.toArray(String[]::new));
        values.put("now", clock.instant());
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = INSERT_ALL.prepare(c, values);
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                written.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not write the notifications to the outbox", e);
        }
        if (!written.isEmpty()) {
            due.fire(new MessagesDue());
        }
        return written;
    }

    /** When a message with this cooldown key was last enqueued (committed, or in the caller's transaction), if ever. */
    public Optional<Instant> lastEnqueued(String cooldownKey) {
        try (Connection c = dataSource.getConnection()) {
            return lastEnqueued(c, cooldownKey);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the outbox", e);
        }
    }

    private static Optional<Instant> lastEnqueued(Connection c, String cooldownKey) throws SQLException {
        try (PreparedStatement ps = LAST_ENQUEUED.prepare(c, Map.of("cooldownKey", cooldownKey));
                ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(rs.getObject(1, OffsetDateTime.class).toInstant()) : Optional.empty();
        }
    }

    private Map<String, Object> values(OutboundMessage message, String cooldownKey, Instant now) {
        Map<String, Object> values = new HashMap<>();
        values.put("messageId", "msg_" + UUID.randomUUID().toString().replace("-", ""));
        values.put("sourceKey", message.sourceKey());
        values.put("eventType", message.eventType());
        values.put("channel", message.channel().name());
        values.put("recipientKind", message.recipient().kind().name());
        values.put("recipient", message.recipient().value());
        values.put("accountId", message.accountId());
        values.put("subject", message.subject());
        values.put("text", message.text());
        values.put("html", message.html());
        values.put("payload", write(message.payload(), "payload"));
        values.put("evidence", write(message.evidence(), "evidence"));
        values.put("cooldownKey", cooldownKey);
        values.put("now", now);
        return values;
    }

    private static Long firstId(Connection c, NamedSql sql, Map<String, ?> values) throws SQLException {
        try (PreparedStatement ps = sql.prepare(c, values); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : null;
        }
    }

    private String write(Map<String, Object> value, String what) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("The notification's " + what + " cannot be written as JSON: "
                    + e.getOriginalMessage(), e);
        }
    }
}
