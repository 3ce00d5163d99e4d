package io.cmeautopilot.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The service under test reads its rule book from a copy of rules/ in {@link #DIR}, so that tests
 * may change rule files (hot reload, broken books) without touching the real ones, and watches it
 * every second.
 */
public class RulesDirectoryTestResource implements QuarkusTestResourceLifecycleManager {

    public static final Path DIR = Path.of("target", "test-rules");

    @Override
    public Map<String, String> start() {
        try {
            delete(DIR);
            try (Stream<Path> files = Files.walk(Path.of("rules"))) {
                for (Path source : files.toList()) {
                    Path target = DIR.resolve(Path.of("rules").relativize(source).toString());
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(source, target);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not copy rules/ for the tests", e);
        }
        return Map.of("cme.rules.dir", DIR.toString(), "cme.rules.watch-interval", "1s");
    }

    @Override
    public void stop() {
        // Left in target/ for inspection; removed by the next run.
    }

    private static void delete(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
