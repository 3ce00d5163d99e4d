package io.cmeautopilot.scheduling;

import java.text.ParseException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.quartz.CronExpression;

import io.cmeautopilot.common.IfMatch;
import io.cmeautopilot.common.ProblemException;
import io.cmeautopilot.evaluation.EvaluationRequest;
import io.cmeautopilot.evaluation.EvaluationService;
import io.cmeautopilot.evaluation.RunView;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/**
 * Evaluation schedules: rows in PostgreSQL, mirrored into Quartz's clustered job store in the same
 * transaction (Quartz runs container-managed), so a schedule and its trigger never disagree.
 */
@ApplicationScoped
public class ScheduleService implements PanacheRepositoryBase<Schedule, String> {

    private static final Logger LOG = Logger.getLogger(ScheduleService.class);

    @Inject
    QuartzTriggers triggers;
    @Inject
    EvaluationService evaluations;
    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ScheduleView> list() {
        return listAll(io.quarkus.panache.common.Sort.by("name")).stream().map(this::view).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<ScheduleView> get(String name) {
        return findByIdOptional(name).map(this::view);
    }

    /** Creates or replaces a schedule; {@code created} tells which. */
    @Transactional
    public Saved put(String name, ScheduleRequest request, String ifMatch) {
        checkName(name);
        String timeZone = request.timeZone() == null ? "UTC" : request.timeZone();
        check(request, timeZone);
        Schedule schedule = findByIdOptional(name).orElse(null);
        boolean created = schedule == null;
        Instant now = clock.instant();
        if (created) {
            schedule = new Schedule();
            schedule.name = name;
            schedule.createdAt = now;
        } else {
            IfMatch.require(ifMatch, schedule.version, "schedule " + name);
        }
        schedule.description = request.description();
        schedule.cron = request.cron().trim();
        schedule.timeZone = timeZone;
        schedule.scope = request.scope();
        schedule.categories = request.categories() == null ? List.of() : List.copyOf(request.categories());
        schedule.mode = request.mode() == null ? "apply" : request.mode();
        schedule.enabled = request.enabled() == null || request.enabled();
        schedule.updatedAt = now;
        if (created) {
            persist(schedule);
        }
        flush();
        triggers.sync(schedule);
        return new Saved(view(schedule), created);
    }

    /** The answer to a put. */
    public record Saved(ScheduleView schedule, boolean created) {
    }

    @Transactional
    void delete(String name, String ifMatch) {
        Schedule schedule = findByIdOptional(name).orElseThrow(() -> ProblemException.notFound("schedule", name));
        IfMatch.require(ifMatch, schedule.version, "schedule " + name);
        delete(schedule);
        triggers.remove(name);
    }

    /** Starts the schedule's run now, as a firing would (409 while its previous run is still going). */
    @Transactional
    public RunView runNow(String name) {
        Schedule schedule = findByIdOptional(name).orElseThrow(() -> ProblemException.notFound("schedule", name));
        long id = evaluations.runScheduled(name, request(schedule), null).orElseThrow(() -> ProblemException.conflict(
                "schedule " + name + " has a run in progress; wait for it to finish"));
        return evaluations.find(id).orElseThrow();
    }

    /** A firing from Quartz: the schedule's run, unless it was disabled or deleted meanwhile. */
    @Transactional
    void fire(String name, Instant scheduledFor) {
        Optional<Schedule> schedule = findByIdOptional(name).filter(s -> s.enabled);
        if (schedule.isEmpty()) {
            return;
        }
        Optional<Long> run = evaluations.runScheduled(name, request(schedule.get()), scheduledFor);
        if (run.isPresent()) {
            LOG.infof("Schedule '%s' (due %s) started run %d", name, scheduledFor, run.get());
        } else {
            LOG.warnf("Schedule '%s' (due %s) skipped: its previous run is still going, or this firing has its run",
                    name, scheduledFor);
        }
    }

    /** Makes Quartz match the table, once at start-up (defaults shipped by migrations get their triggers here). */
    @Transactional
    void syncAll() {
        triggers.lockCluster();
        List<Schedule> all = listAll();
        all.forEach(triggers::sync);
        triggers.removeAllBut(all.stream().map(s -> s.name).toList());
    }

    private static EvaluationRequest request(Schedule s) {
        return new EvaluationRequest(s.scope, s.mode, s.categories, null, null, null);
    }

    private ScheduleView view(Schedule s) {
        ScheduleView.LastRun last = evaluations.latestScheduledRun(s.name)
                .map(r -> new ScheduleView.LastRun(r.id(), r.status(), r.startedAt(), r.finishedAt())).orElse(null);
        return new ScheduleView(s.name, s.description, s.cron, s.timeZone, s.scope, s.categories, s.mode, s.enabled,
                s.version, s.enabled ? triggers.nextFireTime(s.name).orElse(null) : null, last, s.createdAt, s.updatedAt);
    }

    private static void checkName(String name) {
        if (name == null || !name.matches("[a-z0-9][a-z0-9-]{0,62}")) {
            throw ProblemException.invalidField("name", "1-63 lower-case letters, digits and dashes, starting with a letter or digit");
        }
    }

    private static void check(ScheduleRequest request, String timeZone) {
        try {
            new CronExpression(request.cron().trim());
        } catch (ParseException e) {
            throw ProblemException.invalidField("cron", "not a valid Quartz cron expression (seconds minutes hours "
                    + "day-of-month month day-of-week [year], e.g. '0 0 2 * * ?'): " + e.getMessage());
        }
        try {
            ZoneId.of(timeZone);
        } catch (DateTimeException e) {
            throw ProblemException.invalidField("timeZone", "unknown time zone '" + timeZone + "' (use an IANA name, e.g. Europe/Berlin)");
        }
        EvaluationService.checkScope(request.scope());
    }
}
