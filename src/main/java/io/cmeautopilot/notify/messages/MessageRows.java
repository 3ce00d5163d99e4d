package io.cmeautopilot.notify.messages;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.cmeautopilot.notify.DeliveryChannel;
import io.cmeautopilot.notify.RecipientKind;

/** Reads outbox rows straight from JDBC. */
final class MessageRows {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private MessageRows() {
    }

    static MessageView view(ResultSet rs) throws SQLException {
        MessageStatus status = MessageStatus.valueOf(rs.getString("status"));
        return new MessageView(rs.getLong("id"), rs.getString("message_id"), rs.getString("event_type"),
                DeliveryChannel.valueOf(rs.getString("channel")), RecipientKind.valueOf(rs.getString("recipient_kind")),
                rs.getString("recipient"), (Long) rs.getObject("account_id"), rs.getString("subject"), status,
                rs.getInt("attempts"), status == MessageStatus.PENDING ? instant(rs, "next_attempt_at") : null,
                rs.getString("last_error"), instant(rs, "created_at"), instant(rs, "delivered_at"),
                instant(rs, "finished_at"), rs.getString("source_key"), map(rs.getString("evidence")));
    }

    static MessageView.Detail detail(ResultSet rs) throws SQLException {
        return new MessageView.Detail(view(rs), rs.getString("body_text"), rs.getString("body_html"),
                map(rs.getString("payload")), List.of());
    }

    static AttemptView attempt(ResultSet rs) throws SQLException {
        return new AttemptView(rs.getInt("attempt"), instant(rs, "started_at"), rs.getString("outcome"),
                (Integer) rs.getObject("status_code"), rs.getInt("latency_ms"), rs.getString("target"), rs.getString("error"),
                rs.getString("node"));
    }

    private static Map<String, Object> map(String json) {
        try {
            return json == null ? Map.of() : JSON.readValue(json, MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An outbox row holds invalid JSON", e);
        }
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
