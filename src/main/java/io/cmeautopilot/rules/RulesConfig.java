package io.cmeautopilot.rules;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "cme.rules")
interface RulesConfig {

    /** Directory holding the rule book (every **\/*.drl) and its scenarios (tests/*.yaml); relative to the working directory. */
    @WithDefault("rules")
    String dir();

    /** How often each node looks for changed DRL files ("off" disables watching). */
    @WithDefault("5s")
    String watchInterval();

    /** Rule firings allowed per account in one evaluation before the account is stopped as a runaway. */
    @WithDefault("1000")
    int maxFiringsPerAccount();
}
