package io.cmeautopilot.scheduling;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.cmeautopilot.evaluation.EvaluationRequest;

/** A stored evaluation schedule: when (cron in a time zone), over what, which rules, in which mode. */
@Entity
@Table(name = "evaluation_schedules")
class Schedule {

    @Id
    public String name;

    public String description;

    @Column(nullable = false)
    public String cron;

    @Column(name = "time_zone", nullable = false)
    public String timeZone;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public EvaluationRequest.Scope scope;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public List<String> categories;

    @Column(nullable = false)
    public String mode;

    @Column(nullable = false)
    public boolean enabled;

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
