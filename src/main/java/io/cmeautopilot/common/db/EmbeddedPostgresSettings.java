package io.cmeautopilot.common.db;

import java.nio.file.Path;

/** Where and how the embedded PostgreSQL runs. */
record EmbeddedPostgresSettings(String dataDir, int port, String database) {

    /** A fixed default port so that {@code psql -h localhost -p 54329 -U postgres cme} finds it. */
    static final int DEFAULT_PORT = 54329;

    static String defaultDataDir() {
        return Path.of(System.getProperty("user.home"), ".cme-autopilot", "pgdata").toString();
    }
}
