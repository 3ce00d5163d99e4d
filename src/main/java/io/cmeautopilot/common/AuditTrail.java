package io.cmeautopilot.common;

import java.util.Map;

/**
 * Records who changed what, in the transaction of the change (implemented by the security
 * package's audit log). Lets features below security audit their changes without depending on it.
 */
public interface AuditTrail {

    void record(String actor, String action, String targetType, Object targetId, Map<String, Object> details);
}
