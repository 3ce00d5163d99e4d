package io.cmeautopilot.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Collects result rows and prints them as a Markdown table (also written to target/bench/). */
public final class BenchReport {

    private final String title;
    private final List<String> rows = new ArrayList<>();

    public BenchReport(String title) {
        this.title = title;
    }

    public void row(String measure, String value, String note) {
        rows.add("| " + measure + " | " + value + " | " + note + " |");
    }

    public void print(String file) throws IOException {
        StringBuilder out = new StringBuilder("\n### ").append(title).append("\n\n| measure | result | note |\n|---|---|---|\n");
        rows.forEach(r -> out.append(r).append('\n'));
        System.out.println(out);
        Path dir = Path.of("target", "bench");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(file), out.toString());
    }

    public static String perSecond(double count, long nanos) {
        return String.format("%,.0f/s", count / (nanos / 1e9));
    }

    public static String seconds(long nanos) {
        return String.format("%.2f s", nanos / 1e9);
    }
}
