package io.cmeautopilot.web;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import io.quarkus.qute.TemplateExtension;

/**
 * The formatting helpers every console template uses, e.g. {@code {fmt:time(task.dueAt)}},
 * {@code {fmt:ago(entry.at)}}, {@code {fmt:percent(fact.seatUtilization)}}: times in the reader's
 * zone (see {@link Console#zone()}) relative to the service's clock.
 */
@TemplateExtension(namespace = "fmt")
public final class Fmt {

    private Fmt() {
    }

    static String time(Instant t) {
        return Formats.time(t, Console.current().zone());
    }

    static String day(LocalDate d) {
        return Formats.day(d);
    }

    /** The calendar day of an instant in the reader's zone, in words: "today", "3 days ago". */
    static String when(Instant t) {
        Console c = Console.current();
        return Formats.relativeDay(t, c.now(), c.zone());
    }

    static String whenDay(LocalDate d) {
        Console c = Console.current();
        return Formats.relativeDay(d, c.now(), c.zone());
    }

    static String ago(Instant t) {
        Console c = Console.current();
        return Formats.ago(t, c.now(), c.zone());
    }

    static String due(Instant t) {
        Console c = Console.current();
        return Formats.due(t, c.now(), c.zone());
    }

    static boolean overdue(Instant due) {
        return due != null && due.isBefore(Console.current().now());
    }

    static String percent(Number ratio) {
        return Formats.percent(ratio);
    }

    static String signedPercent(Number ratio) {
        return Formats.signedPercent(ratio);
    }

    static String number(Number n) {
        return Formats.number(n);
    }

    static String signed(Number n) {
        return Formats.signed(n);
    }

    static String duration(Instant from, Instant to) {
        return from == null ? Formats.NONE : Formats.duration(Duration.between(from, to == null ? Console.current().now() : to));
    }

    /** A rule-book version or other hash, shortened as git does. */
    static String shortHash(String hash) {
        return hash == null ? Formats.NONE : hash.substring(0, Math.min(12, hash.length()));
    }

    /** The zone times are shown in, for the page footer. */
    static String zone() {
        return Console.current().zone().getId();
    }
}
