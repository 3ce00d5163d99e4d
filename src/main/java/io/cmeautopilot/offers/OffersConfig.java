package io.cmeautopilot.offers;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "cme.offers")
interface OffersConfig {

    /** Due time of the task that asks a CME to decide on a new offer or suggestion (the SLA escalates it after). */
    @WithDefault("P3D")
    Duration decideWithin();

    /** How often approved and sent offers past their validity are expired (every node; SKIP LOCKED batches). */
    @WithDefault("60s")
    String expiryInterval();
}
