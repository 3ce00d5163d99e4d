package io.cmeautopilot.common.db;

import java.util.Set;

import org.eclipse.microprofile.config.spi.ConfigSource;

/** Answers the datasource properties with an embedded server that is started on first read. */
final class LazyEmbeddedPostgresConfigSource implements ConfigSource {

    private static final String USERNAME = "quarkus.datasource.username";
    private static final String PASSWORD = "quarkus.datasource.password";

    private final EmbeddedPostgresSettings settings;

    LazyEmbeddedPostgresConfigSource(EmbeddedPostgresSettings settings) {
        this.settings = settings;
    }

    @Override
    public Set<String> getPropertyNames() {
        // Deliberately empty: listing the names would make property enumeration start the server.
        return Set.of();
    }

    @Override
    public String getValue(String propertyName) {
        if (readByTheBuild()) {
            // The build reads runtime properties too; it must not start a database.
            return null;
        }
        return switch (propertyName) {
            case EmbeddedPostgresConfigSourceFactory.URL_PROPERTY -> EmbeddedPostgresServer.start(settings);
            case USERNAME -> "postgres";
            case PASSWORD -> "";
            default -> null;
        };
    }

    static boolean readByTheBuild() {
        return StackWalker.getInstance().walk(frames -> frames
                .anyMatch(frame -> frame.getClassName().equals("io.quarkus.deployment.QuarkusAugmentor")));
    }

    @Override
    public String getName() {
        return "embedded-postgres";
    }

    @Override
    public int getOrdinal() {
        return 275;
    }
}
