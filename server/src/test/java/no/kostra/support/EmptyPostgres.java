package no.kostra.support;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import no.kostra.store.DatabaseSettings;

/**
 * An empty PostgreSQL database for a test, never a skip. With KOSTRA_TEST_PG_URL set (CI sets it to the Debian server
 * .ci/install-postgresql.sh starts), that database, its schema dropped with plain JDBC before Flyway sees it so a
 * schema left by another run or branch never fails validation. Without it, a fresh database on the test JVM's
 * {@link EmbeddedPostgres} server. No server to be had fails the test, naming why.
 */
public final class EmptyPostgres {
    private EmptyPostgres() {
    }

    public static DatabaseSettings require() {
        String url = System.getenv("KOSTRA_TEST_PG_URL");
        if (url == null || url.isBlank()) {
            return embedded();
        }
        DatabaseSettings settings = new DatabaseSettings(url, System.getenv("KOSTRA_TEST_PG_USER"), System.getenv("KOSTRA_TEST_PG_PASSWORD"));
        try (Connection c = DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password());
             Statement s = c.createStatement()) {
            s.execute("drop schema if exists public cascade");
            s.execute("create schema public");
        } catch (SQLException e) {
            fail("Cannot empty the PostgreSQL test database KOSTRA_TEST_PG_URL=" + url + ": " + e.getMessage()
                    + " (unset KOSTRA_TEST_PG_URL to let the tests start their own server)");
        }
        return settings;
    }

    /** A fresh database on the embedded server, whatever KOSTRA_TEST_PG_URL says. */
    public static DatabaseSettings embedded() {
        try {
            return EmbeddedPostgres.shared().freshDatabase();
        } catch (IllegalStateException e) {
            return fail(e.getMessage(), e);
        }
    }
}
