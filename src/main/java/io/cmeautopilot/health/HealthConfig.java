package io.cmeautopilot.health;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "cme.health")
interface HealthConfig {

    /** The scorecard file (YAML), normally next to the rules: {@code rules/scorecard.yaml}. */
    @WithDefault("rules/scorecard.yaml")
    String scorecardFile();

    /** How often each node checks whether today's scoring pass is due ("off" disables scheduled scoring). */
    @WithDefault("10m")
    String scoringInterval();
}
