package io.cmeautopilot.rules;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

/** The {@link RuleBookCheck}s other features contribute, run over a compilation. */
@ApplicationScoped
class RuleBookChecks {

    private static final Logger LOG = Logger.getLogger(RuleBookChecks.class);

    @Inject
    Instance<RuleBookCheck> checks;

    /** The compilation with every check's findings added; an error among them withdraws the book. */
    Compilation apply(Compilation compilation) {
        List<Diagnostic> found = new ArrayList<>();
        for (RuleBookCheck check : checks) {
            try {
                found.addAll(check.check(compilation));
            } catch (RuntimeException e) {
                // A check that cannot run has not passed: activating the book unchecked is what it exists to prevent.
                LOG.errorf(e, "Rule book check %s failed on version %s", check.getClass().getSimpleName(), compilation.version());
                found.add(Diagnostic.error(null, 0, 0, "check", "a rule book check could not run: " + e.getMessage()));
            }
        }
        return found.isEmpty() ? compilation : compilation.withFindings(found);
    }
}
