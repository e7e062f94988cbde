package no.kostra.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import no.kostra.catalog.Catalog;
import no.kostra.catalog.LayoutRow;
import no.kostra.catalog.MeanKind;
import no.kostra.support.EmptyPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * Migration V72 on a database made before profiles had years: each indicator's one profile row becomes an entry from
 * 2024 (where the seeds' layouts start, so reloading them replaces it by key), on H2 and on PostgreSQL.
 */
class ProfileRowsMigrationTest {

    @Test
    void anIndicatorsOldProfileRowBecomesAnEntryFrom2024OnH2() throws Exception {
        migrateAnOldDatabase(DatabaseSettings.inMemory("v72-" + System.nanoTime()));
    }

    @Test
    void anIndicatorsOldProfileRowBecomesAnEntryFrom2024OnPostgres() throws Exception {
        migrateAnOldDatabase(EmptyPostgres.require());
    }

    private static void migrateAnOldDatabase(DatabaseSettings settings) throws Exception {
        // given a database at V70 whose indicator table still says which profile a row is in
        try (Connection c = DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password())) {
            Flyway.configure().dataSource(settings.jdbcUrl(), settings.user(), settings.password())
                    .locations("classpath:db/migration").target("70").load().migrate();
            try (Statement s = c.createStatement()) {
                s.execute("insert into service_profile (code, area, area_title, title, sort_order)"
                        + " values ('KHT', 'KHT', 'Kommunehelse', 'Kommunehelse', 1)");
                s.execute("insert into indicator (id, area, profile, category, sort_order, name, unit, decimals, mean_kind,"
                        + " higher_is_more, source) values ('KHT.sykefravaer', 'KHT', 'KHT', 'Sykefravær', 17,"
                        + " 'Sykefravær kommunehelse (prosent)', 'prosent', 2, 'weighted', true, 'test')");
                s.execute("insert into indicator (id, area, profile, category, sort_order, name, unit, decimals, mean_kind,"
                        + " higher_is_more, source) values ('KHT.serie', 'KHT', null, null, 3, 'En serie', 'kroner', 0,"
                        + " 'weighted', true, 'test')");
            }
        }

        // when the service opens it (every migration runs)
        Database database = Database.open(settings);
        try {
            Catalog catalog = new CatalogRepository(database).load();

            // then the row is an entry of KHT from 2024, the series is no profile's row, and 2023 has no layout
            assertThat(catalog.layouts().starts("KHT")).containsExactly(2024);
            List<LayoutRow> rows = catalog.profileRows("KHT", 2024);
            assertThat(rows).extracting(r -> r.indicator().id(), LayoutRow::category, LayoutRow::sort, LayoutRow::meanKind)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("KHT.sykefravaer", "Sykefravær", 17, MeanKind.WEIGHTED));
            assertThat(catalog.isProfileIndicator("KHT.serie")).isFalse();
            assertThat(catalog.requireIndicator("KHT.serie").sortOrder()).isEqualTo(3);
            assertThat(catalog.profileRows("KHT", 2023)).isEmpty();
        } finally {
            database.close();
        }
    }
}
