package io.cmeautopilot.tasks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.cmeautopilot.rules.api.Priority;

/** A unit of CME work on one account: created by a rule or by hand, worked through to an outcome. */
@Entity
@Table(name = "tasks")
class CmeTask {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "account_id", nullable = false)
    public long accountId;

    /** A TaskType code, e.g. {@code churn-risk}. */
    @Column(nullable = false)
    public String type;

    @Column(nullable = false)
    public String title;

    public String body;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<ChecklistStep> checklist = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Priority priority;

    @Column(name = "due_at")
    public Instant dueAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TaskStatus status;

    @Column(name = "snoozed_until")
    public Instant snoozedUntil;

    public String assignee;
    public String team;

    @Column(nullable = false)
    public String origin;

    @Column(name = "rule_name")
    public String ruleName;

    @Column(name = "rule_book_version")
    public String ruleBookVersion;

    @Column(name = "run_id")
    public Long runId;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> evidence;

    /** When the SLA round raised the priority of this task because it was overdue (once per task). */
    @Column(name = "escalated_at", insertable = false, updatable = false)
    public Instant escalatedAt;

    @Column(name = "dedupe_key")
    public String dedupeKey;

    /** The API path of the offer or suggestion this task belongs to; null for a plain task. */
    public String link;

    public String outcome;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Column(name = "closed_by")
    public String closedBy;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** Computed by the database from the priority (URGENT 0 .. LOW 3): the first queue sort key. */
    @Column(name = "queue_rank", insertable = false, updatable = false)
    public Short queueRank;

    /** Computed by the database: the due time, or far in the future when there is none. */
    @Column(name = "due_sort", insertable = false, updatable = false)
    public Instant dueSort;
}
