package io.cmeautopilot.accounts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
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

import io.cmeautopilot.rules.api.Stage;

/** A customer account. Never leaves the service layer: REST speaks {@link AccountView}. */
@Entity
@Table(name = "accounts")
public class Account {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "external_id", nullable = false)
    public String externalId;

    @Column(nullable = false)
    public String name;

    public String segment;
    public String tier;
    public String owner;
    public String team;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Stage stage = Stage.ONBOARDING;

    @Column(name = "signup_date")
    public LocalDate signupDate;

    @Column(name = "go_live_date")
    public LocalDate goLiveDate;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Map<String, CustomAttribute> attributes = new LinkedHashMap<>();

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
