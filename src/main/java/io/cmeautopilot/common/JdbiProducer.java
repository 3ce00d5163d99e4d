package io.cmeautopilot.common;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.jdbi.v3.core.Handles;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.CMTTransactionHandler;
import org.jdbi.v3.postgres.PostgresPlugin;

import io.agroal.api.AgroalDataSource;

/**
 * The one way to run hand-written, set-based SQL: inject {@link Jdbi} and use
 * {@code jdbi.withHandle(h -> h.createQuery(...))}. Panache stays for entity-shaped code.
 *
 * <p>Quarkus owns transactions: inside a {@code @Transactional} method a handle gets the connection
 * already enlisted in the JTA transaction and never begins, commits or rolls back on its own;
 * outside one, each statement commits by itself, as plain JDBC on the pool would.
 */
@ApplicationScoped
class JdbiProducer {

    @Produces
    @Singleton
    Jdbi jdbi(AgroalDataSource dataSource) {
        Jdbi jdbi = Jdbi.create(dataSource);
        jdbi.installPlugin(new PostgresPlugin());
        jdbi.setTransactionHandler(new CMTTransactionHandler());
        // A handle closed inside a JTA transaction leaves it to the transaction manager, not rolls it back.
        jdbi.getConfig(Handles.class).setForceEndTransactions(false);
        return jdbi;
    }
}
