package io.cmeautopilot.security.keys;

import java.util.Optional;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

/**
 * First start: the admin key named by {@code CME_BOOTSTRAP_ADMIN_KEY} is stored (hashed), so the
 * first admin can create users and keys. There is no default credential.
 */
class BootstrapAdminKey {

    private static final Logger LOG = Logger.getLogger(BootstrapAdminKey.class);
    static final int MIN_LENGTH = 32;

    @Inject
    ApiKeyService keys;

    @ConfigProperty(name = "cme.security.bootstrap-admin-key")
    Optional<String> bootstrapKey;

    void onStart(@Observes StartupEvent event) {
        if (bootstrapKey.isEmpty()) {
            if (keys.count() == 0) {
                LOG.warn("No API key exists and CME_BOOTSTRAP_ADMIN_KEY is not set: nobody can use the API. "
                        + "Set CME_BOOTSTRAP_ADMIN_KEY to a random secret of at least " + MIN_LENGTH + " characters.");
            }
            return;
        }
        String key = bootstrapKey.get().trim();
        if (key.length() < MIN_LENGTH) {
            throw new IllegalStateException("CME_BOOTSTRAP_ADMIN_KEY must be at least " + MIN_LENGTH
                    + " characters long (e.g. openssl rand -hex 24)");
        }
        try {
            if (keys.storeBootstrapKey(key)) {
                LOG.info("Stored the bootstrap admin key from CME_BOOTSTRAP_ADMIN_KEY");
            }
        } catch (RuntimeException e) {
            // Two nodes starting together: the other one stored it first (unique key hash).
            LOG.debugf(e, "Bootstrap admin key not stored by this node");
        }
    }
}
