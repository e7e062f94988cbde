package no.kostra.support;

import no.kostra.service.Services;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Seeded services on a private in-memory database, closed afterwards. Register it with {@code @RegisterExtension}:
 * on an instance field every test gets fresh services (opened before the class's own {@code @BeforeEach} methods);
 * on a static field the tests of the class share one set, for tests that only read.
 */
public final class SeededServicesExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback {
    private Services services;
    private boolean sharedByTheClass;

    @Override
    public void beforeAll(ExtensionContext context) {
        sharedByTheClass = true;
        services = SeededServices.open();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (!sharedByTheClass) {
            services = SeededServices.open();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (!sharedByTheClass) {
            close();
        }
    }

    private void close() {
        services.close();
        services = null;
    }

    public Services services() {
        if (services == null) {
            throw new IllegalStateException("The seeded services exist only while a test runs");
        }
        return services;
    }
}
