package io.cmeautopilot.scheduling;

import java.time.Instant;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.TimeZone;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;

import io.cmeautopilot.common.ProblemException;

/**
 * The Quartz side of schedules: one durable job and one cron trigger per enabled schedule, in a
 * group of their own. Misfires (the whole cluster was down when a firing was due) fire once on
 * recovery and then follow the schedule; a firing whose node died mid-job is recovered by another.
 */
@ApplicationScoped
class QuartzTriggers {

    static final String GROUP = "evaluation-schedules";

    @Inject
    Scheduler quartz;
    @Inject
    EntityManager entityManager;

    /** Creates, replaces or (for a disabled schedule) removes the schedule's trigger. */
    void sync(Schedule schedule) {
        try {
            if (!schedule.enabled) {
                remove(schedule.name);
                return;
            }
            Trigger existing = quartz.getTrigger(triggerKey(schedule.name));
            if (existing instanceof CronTrigger cron && cron.getCronExpression().equals(schedule.cron)
                    && cron.getTimeZone().getID().equals(TimeZone.getTimeZone(schedule.timeZone).getID())) {
                return; // unchanged: keep its next fire time and misfire state
            }
            JobDetail job = JobBuilder.newJob(ScheduledEvaluationJob.class).withIdentity(jobKey(schedule.name))
                    .usingJobData(ScheduledEvaluationJob.SCHEDULE, schedule.name).storeDurably().requestRecovery()
                    .build();
            Trigger trigger = TriggerBuilder.newTrigger().withIdentity(triggerKey(schedule.name)).forJob(job)
                    .withSchedule(CronScheduleBuilder.cronSchedule(schedule.cron)
                            .inTimeZone(TimeZone.getTimeZone(schedule.timeZone))
                            .withMisfireHandlingInstructionFireAndProceed())
                    .build();
            quartz.scheduleJob(job, Set.of(trigger), true);
        } catch (SchedulerException e) {
            throw ProblemException.invalidField("cron", "Quartz refused the schedule: " + e.getMessage());
        }
    }

    void remove(String name) {
        try {
            quartz.deleteJob(jobKey(name));
        } catch (SchedulerException e) {
            throw new IllegalStateException("Could not remove the trigger of schedule " + name, e);
        }
    }

    void removeAllBut(Collection<String> names) {
        try {
            for (JobKey key : quartz.getJobKeys(GroupMatcher.jobGroupEquals(GROUP))) {
                if (!names.contains(key.getName())) {
                    quartz.deleteJob(key);
                }
            }
        } catch (SchedulerException e) {
            throw new IllegalStateException("Could not list the schedule triggers", e);
        }
    }

    Optional<Instant> nextFireTime(String name) {
        try {
            Trigger trigger = quartz.getTrigger(triggerKey(name));
            return Optional.ofNullable(trigger).map(Trigger::getNextFireTime).map(java.util.Date::toInstant);
        } catch (SchedulerException e) {
            return Optional.empty();
        }
    }

    /** Serializes start-up syncs of several nodes (until the caller's transaction ends). */
    void lockCluster() {
        entityManager.createNativeQuery("SELECT pg_advisory_xact_lock(hashtext('evaluation-schedules'))").getSingleResult();
    }

    private static JobKey jobKey(String name) {
        return JobKey.jobKey(name, GROUP);
    }

    private static TriggerKey triggerKey(String name) {
        return TriggerKey.triggerKey(name, GROUP);
    }
}
