package io.cmeautopilot.rules.api;

/** The traffic-light reading of a health score. */
public enum HealthGrade {
    GREEN, YELLOW, RED
}
