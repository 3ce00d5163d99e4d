package io.cmeautopilot.accounts.csv;

import java.util.ArrayList;
import java.util.List;

/** Collects row errors; keeps the first {@link #MAX_KEPT} so a broken 1 GB file cannot fill the heap. */
final class ImportErrors {

    static final int MAX_KEPT = 1000;

    private final List<ImportError> kept = new ArrayList<>();
    private long count;

    void add(long line, String column, String message) {
        count++;
        if (kept.size() < MAX_KEPT) {
            kept.add(new ImportError(line, column, message));
        }
    }

    boolean isEmpty() {
        return count == 0;
    }

    long count() {
        return count;
    }

    List<ImportError> kept() {
        return List.copyOf(kept);
    }
}
