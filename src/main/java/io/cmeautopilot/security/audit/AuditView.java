package io.cmeautopilot.security.audit;

import java.time.Instant;
import java.util.Map;

public record AuditView(long id, Instant at, String actor, String action, String targetType, String targetId,
        Map<String, Object> details) {

    static AuditView of(AuditEntry e) {
        return new AuditView(e.id, e.at, e.actor, e.action, e.targetType, e.targetId, e.details);
    }
}
