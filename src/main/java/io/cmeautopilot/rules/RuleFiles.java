package io.cmeautopilot.rules;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads a rule book from a directory: every {@code **}{@code /*.drl} (by path relative to it, with
 * forward slashes), and the scenario files in {@code tests/*.yaml}.
 */
public final class RuleFiles {

    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.\\- /]*");

    private RuleFiles() {
    }

    /** DRL files under {@code dir}, by relative path; empty when the directory does not exist. */
    public static SortedMap<String, String> drl(Path dir) {
        return read(dir, "drl", Integer.MAX_VALUE);
    }

    /** Scenario files in {@code dir/tests} (and below), by path relative to {@code dir}. */
    public static SortedMap<String, String> scenarios(Path dir) {
        return read(dir.resolve("tests"), "yaml", Integer.MAX_VALUE).entrySet().stream()
                .collect(TreeMap::new, (m, e) -> m.put("tests/" + e.getKey(), e.getValue()), TreeMap::putAll);
    }

    /**
     * A cheap fingerprint of the DRL files (path, size, modification time), to notice changes
     * without reading every file on every poll.
     */
    static String fingerprint(Path dir) {
        if (!Files.isDirectory(dir)) {
            return "";
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            StringBuilder fp = new StringBuilder();
            for (Path p : paths.filter(p -> p.toString().endsWith(".drl") && Files.isRegularFile(p)).sorted().toList()) {
                fp.append(dir.relativize(p)).append('|').append(Files.size(p)).append('|')
                        .append(Files.getLastModifiedTime(p).toMillis()).append('\n');
            }
            return fp.toString();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list " + dir, e);
        }
    }

    /** Why a name is not acceptable as a rule file name, or null when it is. */
    static String checkName(String name) {
        if (name == null || !name.endsWith(".drl")) {
            return "rule files must end in .drl: " + name;
        }
        if (!SAFE_NAME.matcher(name).matches() || name.contains("..") || name.contains("//")) {
            return "a rule file name is a relative path of letters, digits, '_', '-', '.', ' ' and '/': " + name;
        }
        return null;
    }

    private static SortedMap<String, String> read(Path dir, String extension, int maxDepth) {
        SortedMap<String, String> files = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return files;
        }
        try (Stream<Path> paths = Files.walk(dir, maxDepth)) {
            List<Path> found = paths.filter(p -> p.getFileName().toString().endsWith("." + extension) && Files.isRegularFile(p))
                    .sorted().toList();
            for (Path p : found) {
                files.put(dir.relativize(p).toString().replace('\\', '/'), Files.readString(p, StandardCharsets.UTF_8));
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the rule files in " + dir, e);
        }
    }
}
