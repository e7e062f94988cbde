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

    /**
     * H2's automatic mixed mode: the first process opens the file and serves it on a loopback port written in its lock
     * file, so {@code import} or {@code apply} run while {@code serve} holds the database reach it through that process
     * instead of failing. Writers of two processes queue on the data revision's row lock; the lock timeout lets a
     * command wait for a large import the service is writing. {@code WRITE_DELAY=0} writes each commit to the file
     * before the commit returns: with H2's default of 500 ms, a process killed (SIGKILL, the OOM killer) just after
     * answering 201 lost what it had answered for ({@code KilledDuringApplyIT}). H2 closes the database in a JVM
     * shutdown hook of its own (it refuses {@code DB_CLOSE_ON_EXIT=FALSE} in mixed mode), so {@code serve} drains its
     * requests on SIGTERM before the JVM begins to shut down. The folder, the port and the login are kept from
     * anyone but the service's user: {@link EmbeddedDatabase}.
     */
    public static DatabaseSettings embedded(Path dataDir) {
        return EmbeddedDatabase.settings(dataDir);
    }

    /** A private in-memory database, for tests. */
    public static DatabaseSettings inMemory(String name) {
        return new DatabaseSettings("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "sa", "");
    }
}
