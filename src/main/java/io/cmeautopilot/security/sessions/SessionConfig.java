package io.cmeautopilot.security.sessions;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "cme.security.session")
interface SessionConfig {

    /** A session unused for this long ends. */
    @WithDefault("PT2H")
    Duration idleTimeout();

    /** A session ends this long after login, used or not. */
    @WithDefault("PT12H")
    Duration absoluteTimeout();
}
