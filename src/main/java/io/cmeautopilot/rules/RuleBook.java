package io.cmeautopilot.rules;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionConfiguration;
import org.kie.api.runtime.conf.ThreadSafeOption;

/**
 * A compiled, immutable rule book: its content hash, its files, its rules and the KieBase they
 * compiled into. Shared by every evaluation that started while it was active.
 */
public final class RuleBook {

    private static final KieSessionConfiguration SESSIONS = KieServices.Factory.get().newKieSessionConfiguration();

    static {
        SESSIONS.setOption(ThreadSafeOption.NO);
    }

    private final String version;
    private final SortedMap<String, String> files;
    private final List<RuleInfo> rules;
    private final Map<String, RuleInfo> byQualifiedName;
    private final List<Diagnostic> warnings;
    private final Instant compiledAt;
    private final KieBase kieBase;

    RuleBook(String version, SortedMap<String, String> files, List<RuleInfo> rules, List<Diagnostic> warnings,
            Instant compiledAt, KieBase kieBase) {
        this.version = version;
        this.files = Collections.unmodifiableSortedMap(files);
        this.rules = List.copyOf(rules);
        this.byQualifiedName = rules.stream().collect(Collectors.toUnmodifiableMap(RuleInfo::qualifiedName,
                Function.identity(), (a, b) -> a));
        this.warnings = List.copyOf(warnings);
        this.compiledAt = compiledAt;
        this.kieBase = kieBase;
    }

    /** SHA-256 of the sorted files (names and contents), hex. */
    public String version() {
        return version;
    }

    /** Path relative to the rules directory -> DRL text. */
    public SortedMap<String, String> files() {
        return files;
    }

    /** The rules, by file and line. */
    public List<RuleInfo> rules() {
        return rules;
    }

    public Optional<RuleInfo> rule(String packageName, String name) {
        return Optional.ofNullable(byQualifiedName.get(packageName + "." + name));
    }

    /** Warnings found while compiling (errors never make a RuleBook). */
    public List<Diagnostic> warnings() {
        return warnings;
    }

    public Instant compiledAt() {
        return compiledAt;
    }

    KieBase kieBase() {
        return kieBase;
    }

    /**
     * A new session on this book, not thread-safe: a session is only ever used by the thread that
     * evaluates its chunk, and Drools' locking costs 15-20% of its time when it is on.
     * SequentialOption is not used: it ignores facts inserted by consequences, which rules may react to.
     */
    KieSession newSession() {
        return kieBase.newKieSession(SESSIONS, null);
    }

    /** The first 12 hex digits, enough for people and logs. */
    public String shortVersion() {
        return version.substring(0, 12);
    }
}
