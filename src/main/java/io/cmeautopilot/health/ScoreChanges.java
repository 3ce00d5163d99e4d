package io.cmeautopilot.health;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * "Why did my score drop?": two stored scores of one account compared measure by measure. A
 * measure moved when its contribution to the score changed; the biggest losses come first.
 */
public final class ScoreChanges {

    /** Contribution changes smaller than this (in score points) are rounding, not movement. */
    static final double MOVED = 0.01;

    private ScoreChanges() {
    }

    /** One measure between the two scores. {@code status}: moved, no-data-now, data-again, added, removed. */
    public record MeasureChange(String id, String label, String group, Double valueBefore, Double valueAfter,
            Double pointsBefore, Double pointsAfter, Double contributionBefore, Double contributionAfter,
            double contributionChange, String status) {
    }

    /** The comparison: both ends, the change, and the measures that moved (largest loss first). */
    public record Comparison(long accountId, LocalDate fromDay, Integer fromScore, LocalDate toDay, Integer toScore,
            Integer change, String summary, List<MeasureChange> moved) {
    }

    public static Comparison compare(HealthScoreView before, HealthScoreView after) {
        Map<String, MeasureScore> old = new LinkedHashMap<>();
        before.measures().forEach(m -> old.put(m.id(), m));
        List<MeasureChange> moved = new ArrayList<>();
        for (MeasureScore now : after.measures()) {
            MeasureChange change = change(old.remove(now.id()), now);
            if (change != null) {
                moved.add(change);
            }
        }
        old.values().forEach(gone -> moved.add(new MeasureChange(gone.id(), gone.label(), gone.group(), gone.value(),
                null, gone.points(), null, gone.contribution(), null, HealthScorer.round2(-zero(gone.contribution())), "removed")));
        moved.sort(Comparator.comparingDouble(MeasureChange::contributionChange).thenComparing(MeasureChange::id));
        Integer change = before.score() == null || after.score() == null ? null : after.score() - before.score();
        return new Comparison(after.accountId(), before.day(), before.score(), after.day(), after.score(), change,
                summary(before, after, change, moved), moved);
    }

    private static MeasureChange change(MeasureScore was, MeasureScore now) {
        double delta = HealthScorer.round2(zero(now.contribution()) - (was == null ? 0 : zero(was.contribution())));
        String status;
        if (was == null) {
            status = "added";
        } else if (!was.missing() && now.missing()) {
            status = "no-data-now";
        } else if (was.missing() && !now.missing()) {
            status = "data-again";
        } else if (Math.abs(delta) >= MOVED) {
            status = "moved";
        } else {
            return null;
        }
        return new MeasureChange(now.id(), now.label(), now.group(), was == null ? null : was.value(), now.value(),
                was == null ? null : was.points(), now.points(), was == null ? null : was.contribution(),
                now.contribution(), delta, status);
    }

    private static String summary(HealthScoreView before, HealthScoreView after, Integer change, List<MeasureChange> moved) {
        if (change == null) {
            return "no comparison: " + (before.score() == null ? before.day() : after.day()) + " has no score (too little data)";
        }
        String direction = change < 0 ? "fell " + -change + " points" : change > 0 ? "rose " + change + " points" : "did not change";
        StringBuilder s = new StringBuilder("Score " + direction + " (" + before.score() + " on " + before.day() + ", "
                + after.score() + " on " + after.day() + ")");
        List<MeasureChange> main = moved.stream().filter(m -> Math.abs(m.contributionChange()) >= 1)
                .sorted(Comparator.comparingDouble(m -> change < 0 ? m.contributionChange() : -m.contributionChange()))
                .limit(3).toList();
        if (!main.isEmpty()) {
            s.append(", mostly ").append(String.join(", ", main.stream()
                    .map(m -> m.label() + " " + signed(m.contributionChange())).toList()));
        }
        return s.toString();
    }

    private static String signed(double d) {
        return (d > 0 ? "+" : "") + String.format(java.util.Locale.ROOT, "%.1f", d);
    }

    private static double zero(Double d) {
        return d == null ? 0 : d;
    }
}
