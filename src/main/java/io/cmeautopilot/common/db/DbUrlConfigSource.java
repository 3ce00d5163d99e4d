package io.cmeautopilot.common.db;

import java.util.Set;

import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * {@code DB_URL} as the datasource URL, at run time only: if the build saw it, Quarkus would record
 * it in the packaged application as a default, and a jar built on a machine with {@code DB_URL}
 * set would carry that machine's database wherever it runs.
 */
final class DbUrlConfigSource implements ConfigSource {

    private final String url;

    DbUrlConfigSource(String url) {
        this.url = url;
    }

    @Override
    public Set<String> getPropertyNames() {
        // Empty, like the embedded source: enumeration (which the build does) must not find the URL.
        return Set.of();
    }

    @Override
    public String getValue(String propertyName) {
        if (!EmbeddedPostgresConfigSourceFactory.URL_PROPERTY.equals(propertyName)
                || LazyEmbeddedPostgresConfigSource.readByTheBuild()) {
            return null;
        }
        return url;
    }

    @Override
    public String getName() {
        return "DB_URL";
    }

    @Override
    public int getOrdinal() {
        return 275;
    }
}
