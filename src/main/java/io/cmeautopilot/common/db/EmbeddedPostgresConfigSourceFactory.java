package io.cmeautopilot.common.db;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;

/**
 * Maps {@code DB_URL} onto the datasource URL, and supplies the URL of an embedded PostgreSQL when none is configured, so that
 * {@code ./mvnw quarkus:dev} and {@code java -jar} work on a machine with nothing installed.
 *
 * <p>It is a config source (not a startup bean) because the datasource, Flyway and Hibernate read
 * their URL while the runtime configuration is built, before any bean exists. A configured URL
 * ({@code DB_URL} or {@code quarkus.datasource.jdbc.url}) always wins and nothing is started.
 * Quarkus also consults config sources while it builds the application; the server starts only
 * when somebody actually reads the URL, which the build does not.
 */
public class EmbeddedPostgresConfigSourceFactory implements ConfigSourceFactory {

    static final String URL_PROPERTY = "quarkus.datasource.jdbc.url";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (isSet(context, URL_PROPERTY)) {
            return List.of();
        }
        Optional<String> dbUrl = value(context, "DB_URL");
        if (dbUrl.isPresent()) {
            return List.of(new DbUrlConfigSource(dbUrl.get()));
        }
        if (!enabled(context)) {
            return List.of();
        }
        EmbeddedPostgresSettings settings = new EmbeddedPostgresSettings(
                value(context, "cme.embedded-postgres.data-dir").orElse(EmbeddedPostgresSettings.defaultDataDir()),
                value(context, "cme.embedded-postgres.port").map(Integer::parseInt).orElse(EmbeddedPostgresSettings.DEFAULT_PORT),
                value(context, "cme.embedded-postgres.database").orElse("cme"));
        return List.of(new LazyEmbeddedPostgresConfigSource(settings));
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(275);
    }

    private static boolean enabled(ConfigSourceContext context) {
        return value(context, "cme.embedded-postgres.enabled").map(Boolean::parseBoolean).orElse(true);
    }

    private static boolean isSet(ConfigSourceContext context, String name) {
        return value(context, name).isPresent();
    }

    private static Optional<String> value(ConfigSourceContext context, String name) {
        ConfigValue value = context.getValue(name);
        return Optional.ofNullable(value == null ? null : value.getValue()).filter(v -> !v.isBlank());
    }
}
