package io.cmeautopilot.health;

import java.util.List;

import io.cmeautopilot.health.scorecard.ScorecardDiagnostic;

/**
 * What a scorecard (re)load did: {@code ACTIVATED}, {@code UNCHANGED}, {@code REJECTED} (the active
 * scorecard stays; {@code errors} say why) or {@code MISSING} (no file; the active one stays).
 */
public record ScorecardOutcome(String result, String version, String activeVersion, List<ScorecardDiagnostic> errors) {

    boolean rejected() {
        return "REJECTED".equals(result);
    }
}
