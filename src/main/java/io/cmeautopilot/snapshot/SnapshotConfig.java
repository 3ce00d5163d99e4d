package io.cmeautopilot.snapshot;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "cme.snapshot")
interface SnapshotConfig {

    /** Accounts per set-based snapshot query; larger chunks mean fewer queries and more memory. */
    @WithDefault("5000")
    int chunkSize();
}
