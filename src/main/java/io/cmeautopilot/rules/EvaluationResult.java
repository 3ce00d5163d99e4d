package io.cmeautopilot.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one evaluation of a batch of accounts produced: proposals, failed firings, stopped accounts
 * and how often each rule fired.
 */
public record EvaluationResult(String ruleBookVersion, int accounts, List<Proposal> proposals,
        List<RuleFailure> failures, List<RunawayAccount> runaways, Map<String, Integer> firingsByRule) {

    static EvaluationResult merge(String version, List<EvaluationResult> parts) {
        List<Proposal> proposals = new ArrayList<>();
        List<RuleFailure> failures = new ArrayList<>();
        List<RunawayAccount> runaways = new ArrayList<>();
        Map<String, Integer> firings = new TreeMap<>();
        int accounts = 0;
        for (EvaluationResult part : parts) {
            accounts += part.accounts();
            proposals.addAll(part.proposals());
            failures.addAll(part.failures());
            runaways.addAll(part.runaways());
            part.firingsByRule().forEach((rule, n) -> firings.merge(rule, n, Integer::sum));
        }
        return new EvaluationResult(version, accounts, List.copyOf(proposals), List.copyOf(failures),
                List.copyOf(runaways), firings);
    }
}
