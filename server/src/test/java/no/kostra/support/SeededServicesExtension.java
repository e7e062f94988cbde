package no.kostra.support;

import no.kostra.service.Services;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fresh seeded services for every test (a private in-memory database), closed after it. Register it as an instance
 * field with {@code @RegisterExtension}; it runs before the test class's own {@code @BeforeEach} methods.
 */
public final class SeededServicesExtension implements BeforeEachCallback, AfterEachCallback {
    private Services services;

    @Override
    public void beforeEach(ExtensionContext context) {
        services = SeededServices.open();
    }

    @Override
    public void afterEach(ExtensionContext context) {
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
