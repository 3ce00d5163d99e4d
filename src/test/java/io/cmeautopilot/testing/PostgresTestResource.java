package io.cmeautopilot.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.cmeautopilot.common.db.EmbeddedPostgresServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Gives each test run its own, empty database: a fresh database on the server named by
 * {@code DB_URL} (dropped afterwards) when it is set, otherwise a throw-away embedded PostgreSQL.
 * The same choice the service makes, so a newcomer's {@code ./mvnw verify} needs nothing installed.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private EmbeddedPostgres embedded;
    private String serverUrl;
    private String database;
    private String user;
    private String password;

    @Override
    public Map<String, String> start() {
        Optional<String> configured = env("DB_URL");
        user = env("DB_USER").orElse("postgres");
        password = env("DB_PASSWORD").orElse("");
        if (configured.isPresent()) {
            serverUrl = configured.get();
            database = "cme_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            execute("CREATE DATABASE " + database);
            return settings(withDatabase(serverUrl, database), user, password);
        }
        try {
            embedded = EmbeddedPostgresServer.startEphemeral();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Could not start an embedded PostgreSQL for the tests", e);
        }
        return settings(embedded.getJdbcUrl("postgres", "postgres"), "postgres", "");
    }

    @Override
    public void stop() {
        if (database != null) {
            execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
        if (embedded != null) {
            try {
                embedded.close();
            } catch (java.io.IOException e) {
                // the process is gone with the JVM anyway
            }
        }
    }

    private static Map<String, String> settings(String url, String user, String password) {
        return Map.of("quarkus.datasource.jdbc.url", url,
                "quarkus.datasource.username", user,
                "quarkus.datasource.password", password);
    }

    private void execute(String sql) {
        try (Connection c = DriverManager.getConnection(serverUrl, user, password); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not run '" + sql + "' on " + serverUrl, e);
        }
    }

    /** jdbc:postgresql://host:port/db?x=y with the database replaced. */
    static String withDatabase(String url, String database) {
        int query = url.indexOf('?');
        String base = query < 0 ? url : url.substring(0, query);
        String params = query < 0 ? "" : url.substring(query);
        int slash = base.indexOf('/', "jdbc:postgresql://".length());
        String server = slash < 0 ? base : base.substring(0, slash);
        return server + "/" + database + params;
    }

    private static Optional<String> env(String name) {
        return Optional.ofNullable(System.getenv(name)).filter(v -> !v.isBlank());
    }
}
