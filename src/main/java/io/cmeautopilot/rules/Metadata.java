package io.cmeautopilot.rules;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads and validates a rule's metadata (@category, @description, @cooldown, @autoResolve,
 * @maxPerRun, @schedule) from its text, so that a bad value is a diagnostic at its own line.
 */
final class Metadata {

    static final Set<String> KNOWN = Set.of("category", "description", "cooldown", "autoResolve", "maxPerRun", "schedule");
    private static final Pattern SCHEDULE_NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,62}");

    String category;
    String description;
    Duration cooldown;
    boolean autoResolve;
    Integer maxPerRun;
    List<String> schedules = List.of();

    private Metadata() {
    }

    static Metadata read(DrlText drl, DrlText.RuleBlock rule, List<Diagnostic> diagnostics) {
        Metadata m = new Metadata();
        boolean hasCategory = false;
        for (DrlText.Annotation a : rule.annotations()) {
            Problems problems = new Problems(drl, a, rule.name(), diagnostics);
            String value = unquote(a.rawValue());
            switch (a.name()) {
                case "category" -> {
                    hasCategory = true;
                    m.category = value.isBlank() ? problems.error("@category must not be empty") : value;
                }
                case "description" -> m.description = value;
                case "cooldown" -> m.cooldown = duration(value, problems);
                case "autoResolve" -> m.autoResolve = bool(value, problems);
                case "maxPerRun" -> m.maxPerRun = positive(value, problems);
                case "schedule" -> m.schedules = schedules(a.rawValue(), problems);
                default -> problems.warning("unknown metadata @" + a.name() + " (known: " + String.join(", ", KNOWN.stream().sorted().toList())
                        + "); check the spelling");
            }
        }
        if (!hasCategory) {
            diagnostics.add(Diagnostic.warning(drl.file, drl.line(rule.offset()), drl.column(rule.offset()), "metadata",
                    "rule \"" + rule.name() + "\" has no @category; it is listed under 'uncategorized'"));
        }
        return m;
    }

    private static Duration duration(String value, Problems problems) {
        try {
            Duration d = Duration.parse(value);
            if (d.isNegative() || d.isZero()) {
                return problems.error("@cooldown must be a positive duration, was " + value);
            }
            return d;
        } catch (DateTimeParseException e) {
            return problems.error("@cooldown(\"" + value + "\") is not an ISO-8601 duration; write e.g. \"P14D\" (14 days) or \"PT12H\" (12 hours)");
        }
    }

    private static boolean bool(String value, Problems problems) {
        String v = value.toLowerCase(Locale.ROOT);
        if (!v.equals("true") && !v.equals("false")) {
            problems.error("@autoResolve must be true or false, was " + value);
            return false;
        }
        return Boolean.parseBoolean(v);
    }

    private static Integer positive(String value, Problems problems) {
        try {
            Integer n = Integer.valueOf(value);
            if (n > 0) {
                return n;
            }
            return problems.error("@maxPerRun must be a positive whole number, was " + value);
        } catch (NumberFormatException e) {
            return problems.error("@maxPerRun must be a positive whole number, was " + value);
        }
    }

    private static List<String> schedules(String raw, Problems problems) {
        List<String> names = new ArrayList<>();
        for (String part : raw.split(",")) {
            // Both @schedule("daily, hourly") and @schedule("daily", "hourly") are accepted.
            String name = part.trim().replaceAll("^[\"']|[\"']$", "");
            if (!SCHEDULE_NAME.matcher(name).matches()) {
                problems.error("@schedule names are lower-case words (a-z, 0-9, - and _), was '" + name + "'");
            } else {
                names.add(name);
            }
        }
        return List.copyOf(names);
    }

    static String unquote(String raw) {
        String v = raw.trim();
        if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
            return v.substring(1, v.length() - 1);
        }
        return v;
    }

    /** Reports problems of one annotation at its position. */
    private record Problems(DrlText drl, DrlText.Annotation at, String rule, List<Diagnostic> out) {

        <T> T error(String message) {
            out.add(Diagnostic.error(drl.file, drl.line(at.offset()), drl.column(at.offset()), "metadata",
                    "rule \"" + rule + "\": " + message));
            return null;
        }

        void warning(String message) {
            out.add(Diagnostic.warning(drl.file, drl.line(at.offset()), drl.column(at.offset()), "metadata",
                    "rule \"" + rule + "\": " + message));
        }
    }
}
