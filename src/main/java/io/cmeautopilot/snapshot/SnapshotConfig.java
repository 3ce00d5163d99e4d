package io.cmeautopilot.snapshot;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "cme.snapshot")
interface SnapshotConfig {

    /** Accounts per set-based snapshot query; larger chunks mean fewer queries and more memory. */
    @WithDefault("10000")
    int chunkSize();

    /** Chunks computed at once, each on its own connection; one per core of the database is right. */
    @WithDefault("2")
    int parallelism();
}
