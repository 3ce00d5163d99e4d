package io.cmeautopilot.tasks.teams;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A team's settings: its lead and how tasks without an account owner are dealt to its members. */
@Entity
@Table(name = "teams")
class Team {

    @Id
    public String name;

    public String lead;
    public String email;

    /** An {@link AssignmentStrategy} code, e.g. {@code round-robin}. */
    @Column(nullable = false)
    public String strategy;

    /** Written only by {@link TeamAssigner} (plain SQL, under the row lock); never by the entity. */
    @Column(name = "last_dealt_to", insertable = false, updatable = false)
    public String lastDealtTo;

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
