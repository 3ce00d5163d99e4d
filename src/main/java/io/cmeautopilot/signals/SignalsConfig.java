package io.cmeautopilot.signals;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "cme.signals")
interface SignalsConfig {

    /** Most items one batch request may carry; larger batches are refused whole (413). */
    @WithDefault("10000")
    int maxBatchSize();

    /** How far in the future a timestamp may lie (clock skew of the sender) before it is rejected. */
    @WithDefault("PT5M")
    java.time.Duration maxClockSkew();
}
