package io.cmeautopilot.health.report;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;

import io.cmeautopilot.health.scorecard.Grades;

/** Lays out the report's charts: the health score over 90 days, weekly usage, and the feature ranking. */
final class ReportCharts {

    static final int WIDTH = 640;
    private static final int LEFT = 40;
    private static final int RIGHT = 10;
    private static final int TOP = 10;
    private static final int BOTTOM = 24;

    private ReportCharts() {
    }

    /** Daily scores as a line over the grade bands (GREEN, YELLOW, RED) of the account's scorecard. */
    static Chart health(List<HealthReport.DayScore> history, LocalDate first, LocalDate last, Grades grades) {
        int height = 180;
        double plotW = WIDTH - LEFT - RIGHT;
        double plotH = height - TOP - BOTTOM;
        long days = Math.max(1, ChronoUnit.DAYS.between(first, last));
        List<Chart.Rect> bands = new ArrayList<>();
        if (grades != null) {
            bands.add(band(grades.green(), 100, "band-green", "GREEN: " + grades.green() + "-100", plotW, plotH));
            bands.add(band(grades.yellow(), grades.green(), "band-yellow", "YELLOW: " + grades.yellow() + "-" + (grades.green() - 1), plotW, plotH));
            bands.add(band(0, grades.yellow(), "band-red", "RED: 0-" + (grades.yellow() - 1), plotW, plotH));
        }
        StringBuilder line = new StringBuilder();
        List<Chart.Dot> dots = new ArrayList<>();
        for (HealthReport.DayScore d : history) {
            if (d.score() == null) {
                continue;
            }
            double x = LEFT + plotW * ChronoUnit.DAYS.between(first, d.day()) / days;
            double y = TOP + plotH * (100 - d.score()) / 100.0;
            line.append(line.isEmpty() ? "" : " ").append(r(x)).append(',').append(r(y));
            dots.add(new Chart.Dot(r(x), r(y), d.day() + ": " + d.score() + " " + d.grade()));
        }
        List<Chart.Label> labels = new ArrayList<>();
        for (int s : new int[] { 0, 50, 100 }) {
            labels.add(new Chart.Label(LEFT - 6, r(TOP + plotH * (100 - s) / 100.0 + 4), Integer.toString(s), "end"));
        }
        labels.add(new Chart.Label(LEFT, height - 6, first.toString(), "start"));
        labels.add(new Chart.Label(WIDTH - RIGHT, height - 6, last.toString(), "end"));
        return new Chart("Health score, " + first + " to " + last, WIDTH, height, bands, List.of(), line.toString(), dots,
                labels, dots.isEmpty() ? "No health score in these 90 days." : null);
    }

    /** One bar per week, labelled with the value; the first and last week's start under the axis. */
    static Chart weekly(String title, List<HealthReport.WeekUsage> weeks, ToLongFunction<HealthReport.WeekUsage> value) {
        int height = 150;
        double plotW = WIDTH - LEFT - RIGHT;
        double plotH = height - TOP - BOTTOM - 12;
        long max = Math.max(1, weeks.stream().mapToLong(value).max().orElse(0));
        double slot = plotW / Math.max(1, weeks.size());
        List<Chart.Rect> bars = new ArrayList<>();
        List<Chart.Label> labels = new ArrayList<>();
        for (int i = 0; i < weeks.size(); i++) {
            HealthReport.WeekUsage w = weeks.get(i);
            long v = value.applyAsLong(w);
            double h = plotH * v / max;
            double x = LEFT + i * slot + slot * 0.15;
            double y = TOP + 12 + plotH - h;
            bars.add(new Chart.Rect(r(x), r(y), r(slot * 0.7), r(h), "bar", w.from() + " to " + w.to() + ": " + v));
            labels.add(new Chart.Label(r(x + slot * 0.35), r(y - 3), Long.toString(v), "middle"));
        }
        if (!weeks.isEmpty()) {
            labels.add(new Chart.Label(LEFT, height - 6, weeks.get(0).from().toString(), "start"));
            labels.add(new Chart.Label(WIDTH - RIGHT, height - 6, weeks.get(weeks.size() - 1).to().toString(), "end"));
        }
        boolean none = weeks.stream().mapToLong(value).sum() == 0;
        return new Chart(title, WIDTH, height, List.of(), bars, "", List.of(), labels, none ? "None in these 13 weeks." : null);
    }

    /** Horizontal bars: uses of the ten most used features in the period. */
    static Chart features(List<HealthReport.FeatureRank> ranking) {
        List<HealthReport.FeatureRank> top = ranking.stream().limit(10).toList();
        int row = 22;
        int labelW = 160;
        int height = TOP + row * Math.max(1, top.size()) + 6;
        double plotW = WIDTH - labelW - 60;
        long max = Math.max(1, top.stream().mapToLong(HealthReport.FeatureRank::uses).max().orElse(0));
        List<Chart.Rect> bars = new ArrayList<>();
        List<Chart.Label> labels = new ArrayList<>();
        for (int i = 0; i < top.size(); i++) {
            HealthReport.FeatureRank f = top.get(i);
            double y = TOP + i * row;
            double w = plotW * f.uses() / max;
            bars.add(new Chart.Rect(labelW, y, r(w), row - 6, "bar", f.feature() + ": " + f.uses() + " uses"));
            labels.add(new Chart.Label(labelW - 6, y + row - 10, f.feature(), "end"));
            labels.add(new Chart.Label(r(labelW + w + 4), y + row - 10, Long.toString(f.uses()), "start"));
        }
        return new Chart("Feature uses in the period", WIDTH, height, List.of(), bars, "", List.of(), labels,
                top.isEmpty() ? "No feature used in the last 60 days." : null);
    }

    private static Chart.Rect band(int from, int to, String css, String title, double plotW, double plotH) {
        double y = TOP + plotH * (100 - to) / 100.0;
        return new Chart.Rect(LEFT, r(y), r(plotW), r(plotH * (to - from) / 100.0), css, title);
    }

    private static double r(double d) {
        return Math.round(d * 10) / 10.0;
    }
}
