package no.kostra.store;

import java.nio.file.Path;
import java.util.Objects;

/** Where the database is. The embedded default keeps an H2 file database in the data directory. */
public record DatabaseSettings(String jdbcUrl, String user, String password) {
    public DatabaseSettings {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        user = user == null ? "" : user;
        password = password == null ? "" : password;
    }

    public static DatabaseSettings embedded(Path dataDir) {
        Path file = dataDir.toAbsolutePath().resolve("kostra");
        return new DatabaseSettings("jdbc:h2:file:" + file + ";DB_CLOSE_ON_EXIT=FALSE", "sa", "");
    }

    /** A private in-memory database, for tests. */
    public static DatabaseSettings inMemory(String name) {
        return new DatabaseSettings("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "sa", "");
    }
}
