package io.cmeautopilot.scheduling;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;

import io.quarkus.runtime.StartupEvent;

/**
 * On start-up, Quartz's triggers are made to match the schedules table (defaults included). A node
 * with {@code cme.scheduling.enabled=false} keeps Quartz in standby: it fires nothing, the others do.
 */
@Singleton
class ScheduleStartup {

    private static final Logger LOG = Logger.getLogger(ScheduleStartup.class);

    @Inject
    ScheduleService schedules;
    @Inject
    Scheduler quartz;

    @ConfigProperty(name = "cme.scheduling.enabled", defaultValue = "true")
    boolean enabled;

    void onStart(@Observes StartupEvent event) throws SchedulerException {
        if (!enabled) {
            quartz.standby();
            LOG.info("Scheduling is off on this node (cme.scheduling.enabled=false): no schedule fires here");
        }
        schedules.syncAll();
    }
}
