package io.cmeautopilot.evaluation;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import io.cmeautopilot.rules.EvaluationResult;
import io.cmeautopilot.rules.RuleBook;
import io.cmeautopilot.rules.RuleInfo;

/**
 * Which rules of the book take part in a run: those of the given categories (all when none are
 * given) that a scheduled run's schedule may run (a rule's {@code @schedule}; all when it has none).
 */
record RuleSelection(Set<String> categories, String schedule) {

    static final RuleSelection ALL = new RuleSelection(Set.of(), null);

    static RuleSelection of(List<String> categories, String schedule) {
        return new RuleSelection(categories == null ? Set.of() : new TreeSet<>(categories), schedule);
    }

    boolean includes(RuleInfo rule) {
        return (categories.isEmpty() || categories.contains(rule.category()))
                && (schedule == null || rule.schedules() == null || rule.schedules().isEmpty()
                        || rule.schedules().contains(schedule));
    }

    @com.fasterxml.jackson.annotation.JsonIgnore
    boolean isAll() {
        return categories.isEmpty() && schedule == null;
    }

    /**
     * The result without the proposals and failures of rules outside the selection. (They still ran:
     * the engine fires the whole book; what they did is dropped here.)
     */
    EvaluationResult apply(RuleBook book, EvaluationResult result) {
        if (isAll()) {
            return result;
        }
        Set<String> selected = new TreeSet<>(book.rules().stream().filter(this::includes).map(RuleInfo::name).toList());
        return new EvaluationResult(result.ruleBookVersion(), result.accounts(),
                result.proposals().stream().filter(p -> selected.contains(p.rule())).toList(),
                result.failures().stream().filter(f -> f.rule() == null || selected.contains(f.rule())).toList(),
                result.runaways(), result.firingsByRule());
    }
}
