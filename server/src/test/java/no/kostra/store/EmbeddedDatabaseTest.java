package no.kostra.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded database is kept from everyone but the service's user (issue 20, item 4): a private folder, a generated
 * password in a file only that user reads, and the old login ({@code sa} with an empty password) refused, also for a
 * folder made before there was a password.
 */
class EmbeddedDatabaseTest {
    @TempDir
    Path dir;

    private static String mode(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    private static void assertRefused(DatabaseSettings settings, String password) {
        assertThatThrownBy(() -> DriverManager.getConnection(settings.jdbcUrl(), "sa", password).close())
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getErrorCode()).isEqualTo(28000));
    }

    @Test
    void aNewDataFolderIsPrivateAndItsDatabaseRefusesTheEmptyPassword() throws Exception {
        Path data = dir.resolve("data");

        DatabaseSettings settings = DatabaseSettings.embedded(data);
        try (Database database = Database.open(settings)) {
            assertThat(database.schemaVersion()).isNotEmpty();
        }

        assertThat(mode(data)).isEqualTo("rwx------");
        assertThat(mode(data.resolve("db-password"))).isEqualTo("rw-------");
        assertThat(settings.password()).matches("[A-Za-z0-9_-]{32}")
                .isEqualTo(Files.readString(data.resolve("db-password"), StandardCharsets.UTF_8).strip());
        assertRefused(settings, "");
        DriverManager.getConnection(settings.jdbcUrl(), "sa", settings.password()).close();
    }

    @Test
    void aFolderMadeWithTheEmptyPasswordKeepsItsDataAndGetsAPasswordOnFirstOpen() throws Exception {
        // given a folder the previous version made: world-readable, login sa with an empty password
        Path data = Files.createDirectories(dir.resolve("data"));
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
        String url = "jdbc:h2:file:" + data.toAbsolutePath().resolve("kostra");
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
            s.execute("create schema earlier");
            s.execute("create table earlier.made_before (figure int)");
            s.execute("insert into earlier.made_before values (4713)");
        }

        // when the new version opens it
        DatabaseSettings settings = DatabaseSettings.embedded(data);
        try (Database database = Database.open(settings)) {
            // then its data is there, and the folder is private
            int figure = database.read(c -> {
                try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("select figure from earlier.made_before")) {
                    r.next();
                    return r.getInt(1);
                }
            });
            assertThat(figure).isEqualTo(4713);
        }
        assertThat(mode(data)).isEqualTo("rwx------");
        assertThat(Files.exists(data.resolve("db-password.ny"))).isFalse();
        assertRefused(settings, "");
        assertThat(DatabaseSettings.embedded(data).password()).isEqualTo(settings.password());
    }

    @Test
    void aPasswordSetAsideByAFirstOpenThatWasStoppedIsTheOneUsed() throws Exception {
        // given a first open stopped after H2 took the new password, before the file was put in place
        Path data = Files.createDirectories(dir.resolve("data"));
        String url = "jdbc:h2:file:" + data.toAbsolutePath().resolve("kostra");
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
            s.execute("alter user sa set password 'satt-til-side'");
        }
        Files.writeString(data.resolve("db-password.ny"), "satt-til-side\n", StandardCharsets.UTF_8);

        // when it is opened again, then that password holds and is kept
        DatabaseSettings settings = DatabaseSettings.embedded(data);
        assertThat(settings.password()).isEqualTo("satt-til-side");
        assertThat(Files.readString(data.resolve("db-password"), StandardCharsets.UTF_8).strip()).isEqualTo("satt-til-side");
        try (Database database = Database.open(settings)) {
            assertThat(database.schemaVersion()).isNotEmpty();
        }
    }

    @Test
    void thePageCacheIsAnEighthOfTheHeapFromH2sDefaultUpTo64MiB() {
        long mib = 1024 * 1024;

        assertThat(EmbeddedDatabase.cacheKilobytes(128 * mib)).isEqualTo(16 * 1024);
        assertThat(EmbeddedDatabase.cacheKilobytes(256 * mib)).isEqualTo(32 * 1024);
        assertThat(EmbeddedDatabase.cacheKilobytes(6 * 1024 * mib)).isEqualTo(64 * 1024);
        assertThat(DatabaseSettings.embedded(dir.resolve("data")).jdbcUrl())
                .endsWith(";CACHE_SIZE=" + EmbeddedDatabase.cacheKilobytes(Runtime.getRuntime().maxMemory()));
    }
}
