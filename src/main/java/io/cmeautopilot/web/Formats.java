package io.cmeautopilot.web;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * How the console writes times, days and numbers for people: in the reader's time zone, to the
 * minute (never seconds or nanoseconds), days in words ("today", "3 days ago"), ratios as percent.
 * Pure functions of their arguments; templates reach them through {@link Fmt}.
 */
public final class Formats {

    /** What the console shows where a value is missing (never a misleading 0). */
    public static final String NONE = "–";
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

    private Formats() {
    }

    /** "2026-12-03 14:05" in the zone. */
    public static String time(Instant t, ZoneId zone) {
        return t == null ? NONE : MINUTE.format(t.atZone(zone));
    }

    /** "2026-12-03". */
    public static String day(LocalDate d) {
        return d == null ? NONE : d.toString();
    }

    /** Calendar days between now and the instant, in the reader's zone: "today", "yesterday", "in 3 days". */
    public static String relativeDay(Instant t, Instant now, ZoneId zone) {
        if (t == null) {
            return NONE;
        }
        return days(ChronoUnit.DAYS.between(now.atZone(zone).toLocalDate(), t.atZone(zone).toLocalDate()));
    }

    /** The same for a calendar day. */
    public static String relativeDay(LocalDate d, Instant now, ZoneId zone) {
        return d == null ? NONE : days(ChronoUnit.DAYS.between(now.atZone(zone).toLocalDate(), d));
    }

    public static String days(long offset) {
        if (offset == 0) {
            return "today";
        }
        if (offset == -1) {
            return "yesterday";
        }
        if (offset == 1) {
            return "tomorrow";
        }
        return offset < 0 ? -offset + " days ago" : "in " + offset + " days";
    }

    /** How long ago, for recent events: "just now", "5 minutes ago", "3 hours ago", then days in words. */
    public static String ago(Instant t, Instant now, ZoneId zone) {
        if (t == null) {
            return NONE;
        }
        Duration d = Duration.between(t, now);
        if (d.isNegative()) {
            return relativeDay(t, now, zone);
        }
        if (d.toMinutes() < 1) {
            return "just now";
        }
        if (d.toMinutes() < 60) {
            return plural(d.toMinutes(), "minute") + " ago";
        }
        if (d.toHours() < 12) {
            return plural(d.toHours(), "hour") + " ago";
        }
        return relativeDay(t, now, zone);
    }

    /** A due time for a queue: "overdue by 2 days", "due today 17:00", "due tomorrow", "due in 5 days". */
    public static String due(Instant due, Instant now, ZoneId zone) {
        if (due == null) {
            return "no due date";
        }
        long days = ChronoUnit.DAYS.between(now.atZone(zone).toLocalDate(), due.atZone(zone).toLocalDate());
        if (due.isBefore(now)) {
            return days == 0 ? "overdue since " + CLOCK.format(due.atZone(zone)) : "overdue by " + plural(-days, "day");
        }
        return days == 0 ? "due today " + CLOCK.format(due.atZone(zone)) : "due " + days(days);
    }

    /** A ratio (0.42) as "42%"; below 10% with one decimal ("7.5%"). */
    public static String percent(Number ratio) {
        if (ratio == null) {
            return NONE;
        }
        double p = ratio.doubleValue() * 100;
        return Math.abs(p) < 10 && p != Math.rint(p) ? String.format(Locale.ROOT, "%.1f%%", p)
                : Math.round(p) + "%";
    }

    /** A change as a signed percent: "+12%", "-40%". */
    public static String signedPercent(Number ratio) {
        if (ratio == null) {
            return NONE;
        }
        String p = percent(ratio);
        return ratio.doubleValue() > 0 ? "+" + p : p;
    }

    /** A count or amount with thousands separators ("12,345"; "1,234.5"). */
    public static String number(Number n) {
        if (n == null) {
            return NONE;
        }
        NumberFormat f = NumberFormat.getNumberInstance(Locale.US);
        f.setMaximumFractionDigits(n instanceof BigDecimal || n instanceof Double || n instanceof Float ? 2 : 0);
        return f.format(n);
    }

    /** A signed whole number: "+3", "-12", "0". */
    public static String signed(Number n) {
        if (n == null) {
            return NONE;
        }
        long v = Math.round(n.doubleValue());
        return v > 0 ? "+" + v : Long.toString(v);
    }

    /** A duration for people: "850 ms", "12 s", "3 min 5 s", "2 h 10 min". */
    public static String duration(Duration d) {
        if (d == null) {
            return NONE;
        }
        if (d.toMillis() < 1000) {
            return d.toMillis() + " ms";
        }
        if (d.toSeconds() < 60) {
            return d.toSeconds() + " s";
        }
        if (d.toMinutes() < 60) {
            return d.toMinutes() + " min " + d.toSecondsPart() + " s";
        }
        return d.toHours() + " h " + d.toMinutesPart() + " min";
    }

    public static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
