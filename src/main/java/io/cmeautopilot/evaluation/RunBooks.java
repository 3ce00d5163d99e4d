package io.cmeautopilot.evaluation;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.cmeautopilot.common.ProblemException;
import io.cmeautopilot.rules.RuleBook;
import io.cmeautopilot.rules.RuleBookHolder;
import io.cmeautopilot.rules.RuleBookService;

/**
 * The rule book a run evaluates with, on whichever node works its chunks: the active book when the
 * versions match, else the run's own DRL files or the stored files of that version, compiled once
 * per node and kept for the next chunks (a few versions at most).
 */
@ApplicationScoped
class RunBooks {

    private static final int KEPT = 3;

    @Inject
    RuleBookHolder active;
    @Inject
    RuleBookService service;

    private final Map<String, RuleBook> compiled = new LinkedHashMap<>(KEPT, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, RuleBook> eldest) {
            return size() > KEPT;
        }
    };

    /** The active book; 409 when none is (nothing compiles). */
    RuleBook current() {
        return active.current().orElseThrow(() -> new ProblemException(409, "no-rule-book", "No active rule book",
                "no rule book is active: fix the rules and reload them first", null));
    }

    /** The book of a backtest: DRL files given inline (422 if they do not compile), or a stored version (422 if unknown). */
    RuleBook forBacktest(String version, Map<String, String> files) {
        if (files != null && !files.isEmpty()) {
            return remember(service.compileDetached(files));
        }
        if (version == null) {
            return current();
        }
        return book(version, null).orElseThrow(() -> ProblemException.invalidField("ruleBookVersion",
                "no rule book version " + version + " was ever activated"));
    }

    /** The book of a run being worked on: its version, from the active book, the run's files or the history. */
    Optional<RuleBook> book(String version, Map<String, String> runFiles) {
        Optional<RuleBook> current = active.current().filter(b -> b.version().equals(version));
        if (current.isPresent()) {
            return current;
        }
        synchronized (compiled) {
            RuleBook known = compiled.get(version);
            if (known != null) {
                return Optional.of(known);
            }
        }
        Optional<Map<String, String>> files = runFiles != null ? Optional.of(runFiles) : service.filesOf(version);
        return files.map(f -> remember(service.compileDetached(f)));
    }

    private RuleBook remember(RuleBook book) {
        synchronized (compiled) {
            compiled.put(book.version(), book);
        }
        return book;
    }
}
