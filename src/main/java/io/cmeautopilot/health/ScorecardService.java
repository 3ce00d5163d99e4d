package io.cmeautopilot.health;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.cmeautopilot.health.scorecard.InvalidScorecardException;
import io.cmeautopilot.health.scorecard.Scorecard;
import io.cmeautopilot.health.scorecard.ScorecardParser;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;

/**
 * Holds the active scorecard of this node: loaded from {@code cme.health.scorecard-file} at start-up
 * and whenever the file changes. A scorecard that does not validate never replaces a working one.
 * Node-local on purpose: every node reads the same file from the deployed rules directory.
 */
@ApplicationScoped
public class ScorecardService {

    private static final Logger LOG = Logger.getLogger(ScorecardService.class);

    @Inject
    HealthConfig config;
    @Inject
    MeterRegistry metrics;

    private volatile Scorecard active;
    private volatile String loadedFingerprint;

    void loadAtStartup(@Observes StartupEvent event) {
        ScorecardOutcome outcome = reload("startup");
        if (active == null) {
            LOG.warnf("No valid scorecard in %s (%s): accounts are not scored until there is one",
                    file().toAbsolutePath(), outcome.result());
        }
    }

    public Optional<Scorecard> active() {
        return Optional.ofNullable(active);
    }

    Path file() {
        return Path.of(config.scorecardFile());
    }

    String loadedFingerprint() {
        return loadedFingerprint;
    }

    /** Reads and validates the file; activates it when it is valid and new. */
    public synchronized ScorecardOutcome reload(String trigger) {
        Path file = file();
        loadedFingerprint = fingerprint(file);
        String activeVersion = active == null ? null : active.version();
        if (!Files.isRegularFile(file)) {
            count("missing");
            return new ScorecardOutcome("MISSING", null, activeVersion, List.of());
        }
        String text = read(file);
        try {
            Scorecard parsed = ScorecardParser.parse(file.getFileName().toString(), text);
            if (parsed.version().equals(activeVersion)) {
                count("unchanged");
                return new ScorecardOutcome("UNCHANGED", activeVersion, activeVersion, List.of());
            }
            active = parsed;
            count("activated");
            LOG.infof("Scorecard %s activated from %s (%s; %d variant(s))", parsed.shortVersion(), file, trigger,
                    1 + parsed.variants().size());
            return new ScorecardOutcome("ACTIVATED", parsed.version(), parsed.version(), List.of());
        } catch (InvalidScorecardException e) {
            count("rejected");
            LOG.errorf("Scorecard in %s rejected (%s), %s stays active:%n  %s", file, trigger,
                    activeVersion == null ? "none" : activeVersion.substring(0, 12),
                    String.join("\n  ", e.diagnostics().stream().map(Object::toString).toList()));
            return new ScorecardOutcome("REJECTED", ScorecardParser.version(text), activeVersion, e.diagnostics());
        }
    }

    private void count(String result) {
        metrics.counter("cme.health.scorecard.reloads", "result", result).increment();
    }

    /** Size and modification time: enough to notice a change without reading the file on every poll. */
    static String fingerprint(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.size(file) + "|" + Files.getLastModifiedTime(file).toMillis() : "";
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file, e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the scorecard " + file, e);
        }
    }
}
