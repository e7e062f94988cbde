package no.kostra.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Statement;
import no.kostra.compute.ProfileTable;
import no.kostra.ingest.SeedFiles;
import no.kostra.service.Services;
import no.kostra.support.SeededServices;
import org.junit.jupiter.api.Test;

/**
 * The store on a real PostgreSQL server (started by .ci/install-postgresql.sh in CI): the same migrations, the same
 * seeds, the same profile as on the embedded H2 database.
 */
class PostgresStoreIT {
    static final String URL = System.getenv("KOSTRA_TEST_PG_URL");

    static DatabaseSettings requirePostgres() {
        if (URL == null || URL.isBlank()) {
            if ("true".equals(System.getenv("CI"))) {
                fail("KOSTRA_TEST_PG_URL is not set: CI must start PostgreSQL (.ci/install-postgresql.sh)");
            }
            assumeTrue(false, "No PostgreSQL configured (set KOSTRA_TEST_PG_URL)");
        }
        return new DatabaseSettings(URL, System.getenv("KOSTRA_TEST_PG_USER"), System.getenv("KOSTRA_TEST_PG_PASSWORD"));
    }

    @Test
    void postgresHoldsTheSameProfileAsTheEmbeddedDatabase() throws Exception {
        DatabaseSettings settings = requirePostgres();
        try (Database db = Database.open(settings)) {
            db.inTransaction(c -> {
                try (Statement s = c.createStatement()) {
                    s.execute("drop schema public cascade");
                    s.execute("create schema public");
                }
                return null;
            });
        }
        try (Services postgres = Services.open(settings, SeededServices.CLOCK); Services h2 = SeededServices.open()) {
            assertThat(postgres.loadSeeds(SeedFiles.fromClasspath())).isPresent();
            assertThat(postgres.loadSeeds(SeedFiles.fromClasspath())).isEmpty();

            for (String area : new String[] {"KHT", "PLO", "PLO_0_66", "PLO_67", "PLO_TTU"}) {
                ProfileTable onPostgres = postgres.profiles().profile("3024", area, 2024);
                ProfileTable onH2 = h2.profiles().profile("3024", area, 2024);
                assertThat(onPostgres).isEqualTo(onH2);
            }
        }
    }
}
