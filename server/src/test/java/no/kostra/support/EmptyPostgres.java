package no.kostra.support;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import no.kostra.store.DatabaseSettings;

/**
 * The real PostgreSQL server CI starts (.ci/install-postgresql.sh), emptied before each use: its schema is dropped
 * with plain JDBC before Flyway sees it, so a schema left by another run or branch never fails validation. On CI a
 * missing server is a failure; elsewhere the test is skipped.
 */
public final class EmptyPostgres {
    private EmptyPostgres() {
    }

    public static DatabaseSettings require() {
        String url = System.getenv("KOSTRA_TEST_PG_URL");
        if (url == null || url.isBlank()) {
            if ("true".equals(System.getenv("CI"))) {
                fail("KOSTRA_TEST_PG_URL is not set: CI must start PostgreSQL (.ci/install-postgresql.sh)");
            }
            assumeTrue(false, "No PostgreSQL configured (set KOSTRA_TEST_PG_URL)");
        }
        DatabaseSettings settings = new DatabaseSettings(url, System.getenv("KOSTRA_TEST_PG_USER"), System.getenv("KOSTRA_TEST_PG_PASSWORD"));
        try (Connection c = DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password());
             Statement s = c.createStatement()) {
            s.execute("drop schema if exists public cascade");
            s.execute("create schema public");
        } catch (SQLException e) {
            fail("Cannot empty the PostgreSQL test database " + url + ": " + e.getMessage());
        }
        return settings;
    }
}
