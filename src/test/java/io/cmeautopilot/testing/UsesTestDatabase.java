package io.cmeautopilot.testing;

import io.quarkus.test.common.QuarkusTestResource;

/**
 * Registers {@link PostgresTestResource}, {@link RulesDirectoryTestResource} and {@link SmtpPortTestResource}
 * once for every {@code @QuarkusTest} in the suite.
 */
@QuarkusTestResource(value = PostgresTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = RulesDirectoryTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = SmtpPortTestResource.class, restrictToAnnotatedClass = false)
public final class UsesTestDatabase {

    private UsesTestDatabase() {
    }
}
