package io.cmeautopilot.scheduling;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.quarkus.runtime.StartupEvent;

/** On start-up, Quartz's triggers are made to match the schedules table (defaults included). */
@Singleton
class ScheduleStartup {

    @Inject
    ScheduleService schedules;

    void onStart(@Observes StartupEvent event) {
        schedules.syncAll();
    }
}
