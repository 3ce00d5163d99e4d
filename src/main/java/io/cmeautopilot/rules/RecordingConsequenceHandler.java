package io.cmeautopilot.rules;

import org.kie.api.event.rule.AgendaEventListener;
import org.kie.api.event.rule.RuleRuntimeEventManager;
import org.kie.api.runtime.rule.ConsequenceExceptionHandler;
import org.kie.api.runtime.rule.Match;
import org.kie.api.runtime.rule.RuleRuntime;

/**
 * Drools' default handler aborts the whole session when one consequence throws; this one hands the
 * failure to the session's {@link EvaluationMonitor} and lets the other firings go on. Drools
 * creates it by reflection, hence public with a no-argument constructor.
 */
public final class RecordingConsequenceHandler implements ConsequenceExceptionHandler {

    @Override
    public void handleException(Match match, RuleRuntime runtime, Exception exception) {
        if (runtime instanceof RuleRuntimeEventManager events) {
            for (AgendaEventListener listener : events.getAgendaEventListeners()) {
                if (listener instanceof EvaluationMonitor monitor) {
                    monitor.failed(match, exception);
                    return;
                }
            }
        }
        throw new IllegalStateException("Rule '" + match.getRule().getName() + "' failed", exception);
    }
}
