package io.cmeautopilot.web.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;

/** The unified diff of two rule books, file by file (added, removed and changed files; unchanged ones left out). */
public final class FileDiff {

    /** One line of a diff: {@code kind} add, del, ctx or hunk (an @@ header), for its colour. */
    public record Line(String kind, String text) {
    }

    /** One file that differs, with its diff lines. */
    public record File(String name, String change, List<Line> lines) {
    }

    private FileDiff() {
    }

    public static List<File> between(Map<String, String> before, Map<String, String> after) {
        List<File> files = new ArrayList<>();
        TreeSet<String> names = new TreeSet<>(before.keySet());
        names.addAll(after.keySet());
        for (String name : names) {
            String a = before.get(name);
            String b = after.get(name);
            if (a != null && a.equals(b)) {
                continue;
            }
            List<String> old = a == null ? List.of() : a.lines().toList();
            List<String> now = b == null ? List.of() : b.lines().toList();
            List<String> unified = UnifiedDiffUtils.generateUnifiedDiff(name, name, old, DiffUtils.diff(old, now), 3);
            List<Line> lines = unified.stream().skip(2).map(FileDiff::line).toList();
            files.add(new File(name, a == null ? "added" : b == null ? "removed" : "changed", lines));
        }
        return files;
    }

    private static Line line(String text) {
        if (text.startsWith("@@")) {
            return new Line("hunk", text);
        }
        if (text.startsWith("+")) {
            return new Line("add", text);
        }
        if (text.startsWith("-")) {
            return new Line("del", text);
        }
        return new Line("ctx", text);
    }
}
