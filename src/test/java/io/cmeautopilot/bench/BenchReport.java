package io.cmeautopilot.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Collects result rows and prints them as a Markdown table (also written to target/bench/). */
final class BenchReport {

    private final String title;
    private final List<String> rows = new ArrayList<>();

    BenchReport(String title) {
        this.title = title;
    }

    void row(String measure, String value, String note) {
        rows.add("| " + measure + " | " + value + " | " + note + " |");
    }

    void print(String file) throws IOException {
        StringBuilder out = new StringBuilder("\n### ").append(title).append("\n\n| measure | result | note |\n|---|---|---|\n");
        rows.forEach(r -> out.append(r).append('\n'));
        System.out.println(out);
        Path dir = Path.of("target", "bench");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(file), out.toString());
    }

    static String perSecond(double count, long nanos) {
        return String.format("%,.0f/s", count / (nanos / 1e9));
    }

    static String seconds(long nanos) {
        return String.format("%.2f s", nanos / 1e9);
    }
}
