package io.cmeautopilot.offers;

import java.time.Instant;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.cmeautopilot.tasks.TaskView;

/** What offers and suggestions share: the account, why a rule proposed it, its linked task, how it ended. */
@MappedSuperclass
abstract class Proposed {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "account_id", nullable = false)
    public long accountId;

    /** A kind code, e.g. {@code discount} or {@code seats}. */
    @Column(nullable = false)
    public String kind;

    @Column(nullable = false)
    public String reason;

    /** The task that puts it on a CME's queue (null only if that task was deleted). */
    @Column(name = "task_id")
    public Long taskId;

    @Column(name = "rule_name", nullable = false)
    public String ruleName;

    @Column(name = "rule_book_version", nullable = false)
    public String ruleBookVersion;

    @Column(name = "run_id")
    public Long runId;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> evidence;

    public String outcome;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Column(name = "closed_by")
    public String closedBy;

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    TaskView.Origin origin() {
        return new TaskView.Origin("rule", ruleName, ruleBookVersion, runId, evidence);
    }
}
