package io.cmeautopilot.rules;

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

/** One attempt to load a rule book; see V4__rule_books.sql. */
@Entity
@Table(name = "rule_book_load")
class RuleBookLoad {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String version;

    @Column(nullable = false)
    public String trigger;

    @Column(name = "loaded_by", nullable = false)
    public String loadedBy;

    @Column(name = "loaded_at", nullable = false)
    public Instant loadedAt;

    @Column(nullable = false)
    public String result;

    @Column(name = "rule_count", nullable = false)
    public int ruleCount;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Map<String, String> files;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<Map<String, Object>> diagnostics;

    @Column(nullable = false)
    public boolean active;
}
