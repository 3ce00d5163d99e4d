package io.cmeautopilot.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "cme.console")
interface ConsoleConfig {

    /** Times are shown in the browser's zone; this one when the browser does not say (no JavaScript). */
    @WithDefault("UTC")
    String timeZone();
}
