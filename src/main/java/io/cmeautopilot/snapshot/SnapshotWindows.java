package io.cmeautopilot.snapshot;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/**
 * The time windows of a snapshot as of {@code asOf}: [asOf-7d, asOf), [asOf-30d, asOf),
 * [asOf-60d, asOf-30d) and [asOf-14d, asOf-7d). Days are UTC days. Whole days strictly inside a
 * window are read from the daily roll-ups; the five "edge" days in which a boundary falls are read
 * from raw events, which keeps every window exact to the microsecond.
 */
record SnapshotWindows(Instant asOf) {

    static final int[] BOUNDARIES = { 0, 7, 14, 30, 60 };

    Instant minusDays(int days) {
        return asOf.minus(Duration.ofDays(days));
    }

    static LocalDate dayOf(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }

    static Instant startOf(LocalDate day) {
        return day.atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    /** The named SQL parameters :t0 :t7 :t14 :t30 :t60, :d0 ... :d60, :edges, :e0_from ... :e4_to, :today. */
    Map<String, Object> parameters() {
        Map<String, Object> p = new HashMap<>();
        LocalDate[] edges = new LocalDate[BOUNDARIES.length];
        Instant oldest = minusDays(60);
        for (int i = 0; i < BOUNDARIES.length; i++) {
            int days = BOUNDARIES[i];
            Instant boundary = minusDays(days);
            LocalDate day = dayOf(boundary);
            p.put("t" + days, boundary);
            p.put("d" + days, day);
            edges[i] = day;
            Instant dayStart = startOf(day);
            Instant dayEnd = startOf(day.plusDays(1));
            p.put("e" + i + "_from", dayStart.isBefore(oldest) ? oldest : dayStart);
            p.put("e" + i + "_to", dayEnd.isAfter(asOf) ? asOf : dayEnd);
        }
        p.put("edges", edges);
        p.put("today", startOf(dayOf(asOf)));
        return p;
    }
}
