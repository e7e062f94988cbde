package no.kostra.store;

import static org.assertj.core.api.Assertions.assertThat;

import no.kostra.compute.ProfileTable;
import no.kostra.ingest.SeedFiles;
import no.kostra.service.Services;
import no.kostra.support.EmptyPostgres;
import no.kostra.support.SeededServices;
import org.junit.jupiter.api.Test;

/**
 * The store on a real PostgreSQL server (started by .ci/install-postgresql.sh in CI): the same migrations, the same
 * seeds, the same profile as on the embedded H2 database.
 */
class PostgresStoreIT {
    @Test
    void postgresHoldsTheSameProfileAsTheEmbeddedDatabase() throws Exception {
        DatabaseSettings settings = EmptyPostgres.require();
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
