package io.cmeautopilot.common.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import org.jboss.logging.Logger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * One embedded PostgreSQL per JVM. Its data directory survives restarts; it is stopped by a JVM
 * shutdown hook. Meant for trying the service and for development, never for production.
 */
public final class EmbeddedPostgresServer {

    private static final Logger LOG = Logger.getLogger(EmbeddedPostgresServer.class);
    private static EmbeddedPostgres server;
    private static String url;

    private EmbeddedPostgresServer() {
    }

    static synchronized String start(EmbeddedPostgresSettings settings) {
        if (server == null) {
            try {
                Path dataDir = Path.of(settings.dataDir());
                Files.createDirectories(dataDir);
                server = EmbeddedPostgres.builder()
                        .setDataDirectory(dataDir)
                        .setCleanDataDirectory(false)
                        .setPort(settings.port())
                        .setPGStartupWait(Duration.ofSeconds(60))
                        .start();
                createDatabaseIfMissing(server, settings.database());
                url = server.getJdbcUrl("postgres", settings.database());
                LOG.infof("Embedded PostgreSQL (for trying and development only) is serving %s from %s",
                        url, dataDir.toAbsolutePath());
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + settings.dataDir()
                        + " on port " + settings.port() + "; set DB_URL to use a PostgreSQL server instead", e);
            }
        }
        return url;
    }

    /** Starts a throw-away server with an ephemeral data directory and port (used by the tests). */
    public static EmbeddedPostgres startEphemeral() throws IOException {
        return EmbeddedPostgres.builder().setPGStartupWait(Duration.ofSeconds(60)).start();
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres pg, String database) {
        try (Connection c = pg.getPostgresDatabase().getConnection();
                PreparedStatement exists = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, database);
            try (ResultSet rs = exists.executeQuery()) {
                if (!rs.next()) {
                    try (Statement create = c.createStatement()) {
                        create.execute("CREATE DATABASE \"" + database.replace("\"", "\"\"") + "\"");
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + database + " in the embedded PostgreSQL", e);
        }
    }
}
