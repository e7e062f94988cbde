package no.kostra.support;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import no.kostra.service.Services;
import no.kostra.store.DatabaseSettings;

/** The real services on a private in-memory database loaded with the packaged seeds. */
public final class SeededServices {
    public static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-15T08:00:00Z"), ZoneOffset.UTC);

    private SeededServices() {
    }

    public static Services open() {
        return Services.openSeeded(DatabaseSettings.inMemory("test-" + UUID.randomUUID()), CLOCK);
    }
}
