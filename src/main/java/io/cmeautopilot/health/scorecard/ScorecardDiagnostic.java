package io.cmeautopilot.health.scorecard;

/** One reason a scorecard was rejected, pinned to its file, line and column (1-based; 0 when unknown). */
public record ScorecardDiagnostic(String file, int line, int column, String message) {

    /** "scorecard.yaml:12:7", the form editors and CI logs understand. */
    public String location() {
        return file + ":" + line + ":" + column;
    }

    @Override
    public String toString() {
        return location() + ": " + message;
    }
}
