package io.cmeautopilot.notify.messages;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.agroal.api.AgroalDataSource;
import io.cmeautopilot.common.AuditTrail;
import io.cmeautopilot.common.Cursor;
import io.cmeautopilot.common.NamedSql;
import io.cmeautopilot.common.Page;
import io.cmeautopilot.common.ProblemException;
import io.cmeautopilot.notify.DeliveryChannel;
import io.cmeautopilot.notify.MessagesDue;
import io.cmeautopilot.notify.OutboundMessage;
import io.cmeautopilot.notify.Outbox;
import io.cmeautopilot.notify.endpoints.EndpointService;
import io.cmeautopilot.notify.endpoints.EndpointTarget;

/** The outbox as operators see it: messages and their attempts, replaying dead letters, test sends. */
@ApplicationScoped
public class MessageService {

    static final int MAX_PAGE_SIZE = 500;
    static final String AUDIT_TYPE = "notify-message";

    private static final NamedSql ONE = NamedSql.of("SELECT * FROM notify_messages WHERE id = :id");
    private static final NamedSql ATTEMPTS = NamedSql.of("""
            SELECT attempt, started_at, outcome, status_code, latency_ms, target, error, node
            FROM notify_attempts WHERE message_id = :id ORDER BY id""");
    private static final NamedSql REPLAY = NamedSql.of("""
            UPDATE notify_messages SET status = 'PENDING', cycle_attempts = 0, next_attempt_at = :now, finished_at = NULL,
                                       lease_until = NULL, leased_by = NULL
            WHERE id = :id AND status = 'DEAD'""");
    private static final NamedSql REPLAY_RECIPIENT = NamedSql.of("""
            UPDATE notify_messages SET status = 'PENDING', cycle_attempts = 0, next_attempt_at = :now, finished_at = NULL,
                                       lease_until = NULL, leased_by = NULL
            WHERE recipient = :recipient AND status = 'DEAD'""");

    @Inject
    AgroalDataSource dataSource;
    @Inject
    Clock clock;
    @Inject
    Outbox outbox;
    @Inject
    EndpointService endpoints;
    @Inject
    AuditTrail audit;
    @Inject
    Event<MessagesDue> due;

    /** Newest first; every filter optional. */
    public Page<MessageView> list(List<MessageStatus> statuses, String eventType, String recipient, Long accountId,
            String cursor, int limit) {
        if (limit < 1 || limit > MAX_PAGE_SIZE) {
            throw ProblemException.invalidField("limit", "must be between 1 and " + MAX_PAGE_SIZE);
        }
        StringBuilder sql = new StringBuilder("SELECT * FROM notify_messages WHERE id < :before");
        Map<String, Object> values = new HashMap<>();
        values.put("before", cursor == null ? Long.MAX_VALUE : Cursor.decodeLong(cursor));
        if (statuses != null && !statuses.isEmpty()) {
            sql.append(" AND status = ANY(:statuses)");
            values.put("statuses", statuses.stream().map(Enum::name).toArray(String[]::new));
        }
        if (eventType != null) {
            sql.append(" AND event_type = :eventType");
            values.put("eventType", eventType);
        }
        if (recipient != null) {
            sql.append(" AND recipient = :recipient");
            values.put("recipient", recipient);
        }
        if (accountId != null) {
            sql.append(" AND account_id = :accountId");
            values.put("accountId", accountId);
        }
        sql.append(" ORDER BY id DESC LIMIT :limit");
        values.put("limit", limit + 1);
        List<MessageView> rows = query(NamedSql.of(sql.toString()), values, MessageRows::view);
        boolean more = rows.size() > limit;
        List<MessageView> items = more ? rows.subList(0, limit) : rows;
        return new Page<>(items, more ? Cursor.encode(items.get(items.size() - 1).id()) : null);
    }

    public Optional<MessageView.Detail> get(long id) {
        List<MessageView.Detail> found = query(ONE, Map.of("id", id), MessageRows::detail);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        MessageView.Detail d = found.get(0);
        List<AttemptView> attempts = query(ATTEMPTS, Map.of("id", id), MessageRows::attempt);
        return Optional.of(new MessageView.Detail(d.message(), d.text(), d.html(), d.payload(), attempts));
    }

    /** A dead letter goes back to the outbox with a fresh retry schedule and the same webhook id. */
    @Transactional
    public MessageView replay(long id, String actor) {
        MessageView.Detail detail = get(id).orElseThrow(() -> ProblemException.notFound("message", id));
        if (detail.message().status() != MessageStatus.DEAD) {
            throw ProblemException.conflict("message " + id + " is " + detail.message().status()
                    + "; only dead letters (DEAD) can be replayed");
        }
        update(REPLAY, Map.of("id", id, "now", clock.instant()));
        audit.record(actor, "replay", AUDIT_TYPE, id, Map.of("messageId", detail.message().messageId()));
        due.fire(new MessagesDue());
        return get(id).orElseThrow().message();
    }

    /** Replays every dead letter for a recipient; how many. */
    @Transactional
    public int replayAll(String recipient, String actor) {
        int count = update(REPLAY_RECIPIENT, Map.of("recipient", recipient, "now", clock.instant()));
        if (count > 0) {
            audit.record(actor, "replay", AUDIT_TYPE, null, Map.of("recipient", recipient, "messages", count));
            due.fire(new MessagesDue());
        }
        return count;
    }

    /** Enqueues a test notification through the outbox, like any other: the way to check wiring end to end. */
    @Transactional
    public MessageView sendTest(TestRequest request, String actor) {
        boolean toEndpoint = request.endpoint() != null && !request.endpoint().isBlank();
        boolean toEmail = request.email() != null && !request.email().isBlank();
        if (toEndpoint == toEmail) {
            throw ProblemException.invalidField("endpoint", "give exactly one of endpoint and email");
        }
        if (toEndpoint && endpoints.get(request.endpoint()).isEmpty()) {
            throw ProblemException.notFound("endpoint", request.endpoint());
        }
        String at = clock.instant().toString();
        OutboundMessage message = OutboundMessage.builder(EndpointTarget.TEST_EVENT,
                toEndpoint ? DeliveryChannel.WEBHOOK : DeliveryChannel.EMAIL,
                toEndpoint ? OutboundMessage.Recipient.endpoint(request.endpoint()) : OutboundMessage.Recipient.address(request.email()),
                "test:" + UUID.randomUUID())
                .subject("CME Autopilot test notification")
                .text("This is a test notification sent by " + actor + " at " + at + " to check the wiring. Nothing to do.")
                .payload(Map.of("test", true, "sentBy", actor, "sentAt", at))
                .evidence(Map.of("sentBy", actor))
                .build();
        long id = outbox.enqueue(message);
        audit.record(actor, "test", AUDIT_TYPE, id, Map.of("recipient", message.recipient().value()));
        return get(id).orElseThrow().message();
    }

    interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private <T> List<T> query(NamedSql sql, Map<String, ?> values, Row<T> row) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = sql.prepare(c, values);
                ResultSet rs = ps.executeQuery()) {
            List<T> out = new ArrayList<>();
            while (rs.next()) {
                out.add(row.read(rs));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the outbox", e);
        }
    }

    private int update(NamedSql sql, Map<String, ?> values) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = sql.prepare(c, values)) {
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not change the outbox", e);
        }
    }
}
