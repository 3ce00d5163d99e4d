package io.cmeautopilot.evaluation;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A run as the API shows it. A dry run is not stored ({@code id} is null) and lists its proposals;
 * an applied run is kept and queryable by id.
 */
public record RunView(Long id, String trigger, String mode, EvaluationRequest.Scope scope, String ruleBookVersion,
        String status, String requestedBy, Instant startedAt, Instant finishedAt, int accountsEvaluated,
        int autoResolved, Map<String, RuleStats> rules, List<Map<String, Object>> failures, List<ProposalView> proposals) {

    /** One proposal of a dry run: what a rule would have done to which account, and why. */
    public record ProposalView(String rule, long accountId, String accountExternalId, String kind,
            Map<String, Object> action, Map<String, Object> evidence) {
    }

    static RunView of(EvaluationRun r) {
        return new RunView(r.id, r.trigger, r.mode, r.scope, r.ruleBookVersion, r.status, r.requestedBy, r.startedAt,
                r.finishedAt, r.accountsEvaluated, r.autoResolved, r.ruleStats, r.failures, null);
    }
}
