package io.cmeautopilot.evaluation;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

/** Run records, each change committed at once so that progress is visible while a run goes on. */
@ApplicationScoped
class EvaluationRuns implements PanacheRepository<EvaluationRun> {

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    long start(EvaluationRequest request, String trigger, String version, String requestedBy, Instant now) {
        EvaluationRun run = new EvaluationRun();
        run.trigger = trigger;
        run.mode = "apply";
        run.scope = request.scope();
        run.ruleBookVersion = version;
        run.status = "RUNNING";
        run.requestedBy = requestedBy;
        run.startedAt = now;
        run.ruleStats = Map.of();
        run.failures = List.of();
        persist(run);
        return run.id;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void finish(long id, String status, int accounts, int autoResolved, Map<String, RuleStats> stats,
            List<Map<String, Object>> failures, String error, Instant now) {
        EvaluationRun run = findById(id);
        run.status = status;
        run.accountsEvaluated = accounts;
        run.autoResolved = autoResolved;
        run.ruleStats = stats;
        run.failures = failures;
        run.error = error;
        run.finishedAt = now;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    Optional<RunView> view(long id) {
        return findByIdOptional(id).map(RunView::of);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    List<RunView> recent(int limit) {
        return find("order by id desc").range(0, limit - 1).list().stream().map(RunView::of).toList();
    }
}
