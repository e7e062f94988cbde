package no.kostra.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import no.kostra.ingest.SeedFiles;
import no.kostra.service.Services;
import no.kostra.support.EmptyPostgres;
import no.kostra.support.SeededServices;
import org.junit.jupiter.api.Test;

/**
 * The tests' own PostgreSQL server, used whenever KOSTRA_TEST_PG_URL names none: it starts on a machine without
 * PostgreSQL (as root too, where the server runs as nobody), and each test gets an empty database of its own. This test
 * uses it even where CI also provides a Debian server, so both stay exercised.
 */
class EmbeddedPostgresIT {
    @Test
    void eachTestGetsAnEmptyDatabaseOfItsOwnOnTheEmbeddedServer() throws Exception {
        DatabaseSettings first = EmptyPostgres.embedded();
        DatabaseSettings second = EmptyPostgres.embedded();

        try (Services one = Services.open(first, SeededServices.CLOCK); Services other = Services.open(second, SeededServices.CLOCK)) {
            assertThat(one.loadSeeds(SeedFiles.fromClasspath())).isPresent();

            assertThat(first.jdbcUrl()).isNotEqualTo(second.jdbcUrl());
            assertThat(count(one, "select count(*) from observation")).isPositive();
            assertThat(count(other, "select count(*) from observation")).isZero();
            int version = one.database().read(c -> {
                try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("show server_version_num")) {
                    r.next();
                    return r.getInt(1);
                }
            });
            assertThat(version).isGreaterThanOrEqualTo(160000);
        }
    }

    @Test
    void asRootTheServerRunsAsNobodyAndOtherwiseAsTheUser() throws Exception {
        boolean root = new com.sun.security.auth.module.UnixSystem().getUid() == 0;
        try (Services services = Services.open(EmptyPostgres.embedded(), SeededServices.CLOCK)) {
            String dataDirectory = services.database().read(c -> {
                try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("show data_directory")) {
                    r.next();
                    return r.getString(1);
                }
            });

            assertThat(Files.getOwner(Path.of(dataDirectory)).getName()).isEqualTo(root ? "nobody" : System.getProperty("user.name"));
        }
    }

    private static long count(Services services, String sql) {
        return services.database().read(c -> {
            try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
                r.next();
                return r.getLong(1);
            }
        });
    }
}
