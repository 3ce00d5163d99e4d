package io.cmeautopilot.notify.delivery;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jdbi.v3.core.Jdbi;

import io.cmeautopilot.notify.DeliveryChannel;
import io.cmeautopilot.notify.NotifyConfig;
import io.cmeautopilot.notify.RecipientKind;

/**
 * Claims due outbox messages for this node, each statement on its own (autocommit) connection, so no
 * transaction or lock is held while a receiver is called. A claim takes rows with FOR UPDATE SKIP
 * LOCKED, so nodes never take the same message, and moves their next_attempt_at to the end of a
 * lease: until then no node sees them as due, afterwards every node does again (which is how a dead
 * node's claim expires).
 *
 * <p>A claim first looks on from where this node's last claim ended, and only looks from the oldest
 * due message when that finds too few (and on every poll). Rows that a claim leaves behind it are
 * the finished ones: under a long transaction elsewhere in the database their dead versions stay in
 * the due index until vacuum may remove them, and a scan from the oldest due message has to step
 * over every one of them (see docs, Performance).
 */
@ApplicationScoped
class Claims {

    private static final String LANE = "CASE WHEN m.recipient_kind = 'ENDPOINT' THEN m.recipient ELSE '" + Lanes.EMAIL + "' END";

    /**
     * Due rows of lanes with room and of endpoints that are not paused, oldest due first, at most a
     * lane's room from each lane, skipping rows other nodes hold. {@code <from>} is the resume bound.
     */
    private static final String CLAIM = """
            WITH candidates AS (
                SELECT m.id, m.next_attempt_at, %1$s AS lane
                FROM notify_messages m
                WHERE m.status = 'PENDING' AND m.next_attempt_at <= :now <from>
                  AND NOT (%1$s = ANY(:full)) AND NOT (m.id = ANY(:running))
                  AND NOT EXISTS (SELECT 1 FROM notify_endpoints e
                                  WHERE m.recipient_kind = 'ENDPOINT' AND e.name = m.recipient AND e.state = 'PAUSED')
                ORDER BY m.next_attempt_at
                LIMIT :window),
            ranked AS (
                SELECT c.id, c.next_attempt_at, c.lane,
                       row_number() OVER (PARTITION BY c.lane ORDER BY c.next_attempt_at, c.id) AS place
                FROM candidates c),
            picked AS (
                SELECT m.id, r.next_attempt_at AS due_at
                FROM ranked r
                JOIN notify_messages m ON m.id = r.id
                LEFT JOIN unnest(CAST(:lanes AS text[]), CAST(:rooms AS int[])) AS room(lane, slots) ON room.lane = r.lane
                WHERE r.place <= coalesce(room.slots, :laneLimit) AND m.status = 'PENDING' AND m.next_attempt_at <= :now
                ORDER BY r.next_attempt_at
                LIMIT :free
                FOR UPDATE OF m SKIP LOCKED)
            UPDATE notify_messages m SET next_attempt_at = :leaseUntil, lease_until = :leaseUntil, leased_by = :node
            FROM picked WHERE m.id = picked.id
            RETURNING m.id, m.message_id, m.event_type, m.channel, m.recipient_kind, m.recipient, m.account_id,
                      m.subject, m.body_text, m.body_html, m.payload::text AS payload, m.evidence::text AS evidence,
                      m.attempts, m.cycle_attempts, m.created_at, picked.due_at""".formatted(LANE);

    private static final String FROM_OLDEST = CLAIM.replace("<from>", "");
    private static final String FROM_RESUME_POINT = CLAIM.replace("<from>", "AND m.next_attempt_at >= :from");

    /** Which node holds a claim, for the attempt list and for operators. */
    final String node = ManagementFactory.getRuntimeMXBean().getName();

    @Inject
    Jdbi jdbi;
    @Inject
    NotifyConfig config;

    /** Where the last claim ended: the latest due time it took. */
    private Instant resumeFrom;

    private record Row(ClaimedMessage message, Instant dueAt) {
    }

    /**
     * Claims up to {@code room.free()} due messages, at most each lane's room per lane: on from the
     * last claim first, then from the oldest due message if that found too few. {@code fromOldest}
     * starts with the oldest (polls do, so nothing waits behind the resume point longer than a poll).
     */
    synchronized List<ClaimedMessage> claim(Lanes.Room room, Instant now, boolean fromOldest) {
        List<ClaimedMessage> claimed = new ArrayList<>();
        if (!fromOldest && resumeFrom != null && !resumeFrom.isAfter(now)) {
            claimed.addAll(run(room, now, resumeFrom));
        }
        Lanes.Room left = room.minus(claimed);
        if (left.free() > 0) {
            claimed.addAll(run(left, now, null));
        }
        return claimed;
    }

    private List<ClaimedMessage> run(Lanes.Room room, Instant now, Instant from) {
        if (room.free() < 1) {
            return List.of();
        }
        Map<String, Integer> partial = room.partial();
        List<Row> rows = jdbi.withHandle(h -> {
            var statement = h.createQuery(from == null ? FROM_OLDEST : FROM_RESUME_POINT)
                    .bind("now", utc(now))
                    .bind("leaseUntil", utc(now.plus(config.lease())))
                    .bind("node", node)
                    .bind("free", room.free())
                    .bind("window", room.free() * 4 + 16)
                    .bind("laneLimit", room.laneLimit())
                    .bindArray("full", String.class, room.full())
                    .bindArray("running", Long.class, List.copyOf(room.running()))
                    .bindArray("lanes", String.class, List.copyOf(partial.keySet()))
                    .bindArray("rooms", Integer.class, partial.keySet().stream().map(partial::get).toList());
            if (from != null) {
                statement.bind("from", utc(from));
            }
            return statement.map((rs, ctx) -> new Row(new ClaimedMessage(rs.getLong("id"), rs.getString("message_id"),
                    rs.getString("event_type"), DeliveryChannel.valueOf(rs.getString("channel")),
                    RecipientKind.valueOf(rs.getString("recipient_kind")), rs.getString("recipient"),
                    (Long) rs.getObject("account_id"), rs.getString("subject"), rs.getString("body_text"),
                    rs.getString("body_html"), rs.getString("payload"), rs.getString("evidence"), rs.getInt("attempts"),
                    rs.getInt("cycle_attempts"), rs.getObject("created_at", OffsetDateTime.class).toInstant()),
                    rs.getObject("due_at", OffsetDateTime.class).toInstant())).list();
        });
        rows.stream().map(Row::dueAt).max(Instant::compareTo).ifPresent(latest -> resumeFrom = latest);
        return rows.stream().map(Row::message).toList();
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
