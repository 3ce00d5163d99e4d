package io.cmeautopilot.scheduling;

import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/**
 * What Quartz runs when a schedule fires (on exactly one node of the cluster): a one-line
 * delegate that starts the schedule's run. The run's chunks are then shared by every node.
 */
public class ScheduledEvaluationJob implements Job {

    static final String SCHEDULE = "schedule";
    private static final Logger LOG = Logger.getLogger(ScheduledEvaluationJob.class);

    @Inject
    ScheduleService schedules;

    @Override
    public void execute(JobExecutionContext context) {
        String name = context.getMergedJobDataMap().getString(SCHEDULE);
        try {
            schedules.fire(name, context.getScheduledFireTime().toInstant());
        } catch (RuntimeException e) {
            // A firing that fails is logged and not retried: the next firing comes on time.
            LOG.errorf(e, "Schedule '%s' could not start its run", name);
        }
    }
}
