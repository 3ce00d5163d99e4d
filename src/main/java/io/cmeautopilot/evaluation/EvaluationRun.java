package io.cmeautopilot.evaluation;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "evaluation_runs")
class EvaluationRun {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String trigger;

    @Column(nullable = false)
    public String mode;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public EvaluationRequest.Scope scope;

    @Column(name = "rule_book_version")
    public String ruleBookVersion;

    @Column(nullable = false)
    public String status;

    @Column(name = "requested_by", nullable = false)
    public String requestedBy;

    @Column(name = "started_at", nullable = false)
    public Instant startedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    @Column(name = "accounts_evaluated", nullable = false)
    public int accountsEvaluated;

    @Column(name = "auto_resolved", nullable = false)
    public int autoResolved;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "rule_stats", nullable = false)
    public Map<String, RuleStats> ruleStats;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<Map<String, Object>> failures;

    public String error;

    @Column(name = "cancelled_by")
    public String cancelledBy;

    @Column(name = "as_of")
    public Instant asOf;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "rule_files")
    public Map<String, String> ruleFiles;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public RuleSelection selection;

    @Column(name = "schedule_name")
    public String scheduleName;

    @Column(name = "scheduled_for")
    public Instant scheduledFor;

    @Column(nullable = false)
    public boolean inline;

    @Column(name = "chunks_total", nullable = false)
    public int chunksTotal;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<RunView.ProposalView> sample;
}
