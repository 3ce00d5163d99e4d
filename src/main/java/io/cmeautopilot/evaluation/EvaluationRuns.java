package io.cmeautopilot.evaluation;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import io.agroal.api.AgroalDataSource;
import io.quarkus.hibernate.orm.panache.PanacheRepository;

/** Run records: started with their chunks in one transaction; read with their progress while they go on. */
@ApplicationScoped
class EvaluationRuns implements PanacheRepository<EvaluationRun> {

    @Inject
    AgroalDataSource dataSource;
    @Inject
    ChunkStore chunks;

    /** A run to start: everything its chunks need to be evaluated on any node. */
    record NewRun(EvaluationRequest request, String trigger, String requestedBy, String version,
            java.time.Instant startedAt, java.time.Instant asOf, RuleSelection selection, String schedule,
            java.time.Instant scheduledFor, boolean inline) {
    }

    /** Records the run and plans its chunks; a run with no accounts in scope is finished at once. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    long start(NewRun r, int chunkSize) {
        EvaluationRun run = new EvaluationRun();
        run.trigger = r.trigger();
        run.mode = r.request().effectiveMode();
        run.scope = r.request().scope();
        run.ruleBookVersion = r.version();
        run.status = "RUNNING";
        run.requestedBy = r.requestedBy();
        run.startedAt = r.startedAt();
        run.asOf = r.asOf();
        run.ruleFiles = r.request().files() == null || r.request().files().isEmpty() ? null : r.request().files();
        run.selection = r.selection();
        run.scheduleName = r.schedule();
        run.scheduledFor = r.scheduledFor();
        run.inline = r.inline();
        run.ruleStats = Map.of();
        run.failures = List.of();
        persist(run);
        try (Connection c = dataSource.getConnection()) {
            run.chunksTotal = chunks.plan(run.id, run.scope, chunkSize, c);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not plan the chunks of run " + run.id, e);
        }
        if (run.chunksTotal == 0) {
            run.status = "SUCCEEDED";
            run.finishedAt = r.startedAt();
        }
        return run.id;
    }

    // Reads run in a transaction of their own: a fresh persistence context, so a run finished by
    // another transaction (or node) is never seen stale, and usable from worker threads.
    @Transactional
    Optional<EvaluationRun> find(long id) {
        return findByIdOptional(id);
    }

    @Transactional
    Optional<RunView> view(long id) {
        return findByIdOptional(id).map(this::view);
    }

    @Transactional
    List<RunView> recent(int limit) {
        return find("order by id desc").range(0, limit - 1).list().stream().map(this::view).toList();
    }

    @Transactional
    boolean hasRunning(String schedule) {
        return count("scheduleName = ?1 and status = 'RUNNING'", schedule) > 0;
    }

    @Transactional
    boolean firingHasRun(String schedule, java.time.Instant scheduledFor) {
        return count("scheduleName = ?1 and scheduledFor = ?2", schedule, scheduledFor) > 0;
    }

    @Transactional
    Optional<RunView> latestOf(String schedule) {
        return find("scheduleName = ?1 order by id desc", schedule).firstResultOptional().map(this::view);
    }

    /**
     * A finished run as recorded (its chunks only counted); a running one with the figures of its
     * finished chunks so far (every chunk's figures read and summed).
     */
    private RunView view(EvaluationRun r) {
        try (Connection c = dataSource.getConnection()) {
            RunTotals.Counts counts = RunTotals.countsOf(c, r.id);
            if (r.finishedAt != null) {
                return new RunView(r.id, r.trigger, r.mode, r.scope, r.ruleBookVersion, r.status, r.requestedBy,
                        r.cancelledBy, r.startedAt, r.finishedAt, r.asOf, r.scheduleName, r.scheduledFor, r.selection,
                        counts.progress(), counts.work(), r.accountsEvaluated, r.autoResolved, r.ruleStats, r.failures,
                        r.error, "apply".equals(r.mode) ? null : r.sample);
            }
            RunTotals totals = RunTotals.of(c, r.id);
            return new RunView(r.id, r.trigger, r.mode, r.scope, r.ruleBookVersion, r.status, r.requestedBy,
                    r.cancelledBy, r.startedAt, null, r.asOf, r.scheduleName, r.scheduledFor, r.selection, totals.progress(),
                    counts.work(), totals.accounts, totals.autoResolved, totals.stats, totals.failures, r.error,
                    "apply".equals(r.mode) ? null : totals.sample);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the chunks of run " + r.id, e);
        }
    }
}
