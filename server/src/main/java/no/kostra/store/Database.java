package no.kostra.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * A pooled connection to the database, migrated to the newest schema when opened. Thread-safe: reads run side by side;
 * write transactions run one at a time (see {@link #inTransaction}).
 */
public final class Database implements AutoCloseable {
    /**
     * How long a request waits for a connection before the database counts as away (503): a stopped PostgreSQL refuses
     * connections at once, and Hikari's default of 30 s kept every request, health included, hanging that long.
     */
    private static final Duration CONNECTION_WAIT = Duration.ofSeconds(5);
    /** Health and readiness answer a load balancer within about this: a pool of their own with a short wait. */
    private static final Duration PROBE_WAIT = Duration.ofMillis(1500);

    private final HikariDataSource dataSource;
    private final HikariDataSource probes;
    /** Writers of this process queue here, fairly, before they queue on the database's lock row. */
    private final ReentrantLock writers = new ReentrantLock(true);
    private final CommittedRevision revision;

    private Database(HikariDataSource dataSource, HikariDataSource probes, CommittedRevision revision) {
        this.dataSource = dataSource;
        this.probes = probes;
        this.revision = revision;
    }

    public static Database open(DatabaseSettings settings) {
        HikariConfig config = pool(settings, "kostra", 8, CONNECTION_WAIT);
        if (settings.jdbcUrl().startsWith("jdbc:postgresql:")) {
            // One multi-row insert per batch instead of one statement per row: a million-figure import in 9 s, not 18 s.
            config.addDataSourceProperty("reWriteBatchedInserts", "true");
        }
        HikariDataSource dataSource = new HikariDataSource(config);
        CommittedRevision revision;
        try {
            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
            revision = CommittedRevision.of(settings);
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        HikariConfig probe = pool(settings, "kostra-probes", 2, PROBE_WAIT);
        probe.setMinimumIdle(0);
        probe.setValidationTimeout(PROBE_WAIT.toMillis() / 2);
        // opened lazily: the service starts, and says it is unready, while the database is away
        probe.setInitializationFailTimeout(-1);
        if (settings.jdbcUrl().startsWith("jdbc:postgresql:")) {
            // a server that accepts but does not answer must not hold a probe longer than a load balancer waits
            probe.addDataSourceProperty("connectTimeout", "2");
            probe.addDataSourceProperty("socketTimeout", "2");
        }
        return new Database(dataSource, new HikariDataSource(probe), revision);
    }

    private static HikariConfig pool(DatabaseSettings settings, String name, int size, Duration wait) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(settings.jdbcUrl());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(size);
        config.setPoolName(name);
        config.setConnectionTimeout(wait.toMillis());
        return config;
    }

    /**
     * Runs a short read for health or readiness on connections of their own, which give up after about a second and a
     * half: a load balancer learns the database is away at once, and probes never wait behind the service's requests.
     */
    public <T> T probe(SqlWork<T> work) {
        try (Connection connection = probes.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw new StoreException("Database probe failed: " + e.getMessage(), e);
        }
    }

    /** The newest migration applied (Flyway runs every one when the database is opened, or opening fails). */
    public String schemaVersion() {
        return read(Database::schemaVersion);
    }

    public static String schemaVersion(Connection c) throws SQLException {
        try (var s = c.createStatement(); var r = s.executeQuery("select max(\"installed_rank\") from \"flyway_schema_history\"")) {
            r.next();
            int rank = r.getInt(1);
            try (var v = c.prepareStatement("select \"version\" from \"flyway_schema_history\" where \"installed_rank\" = ?")) {
                v.setInt(1, rank);
                try (var rv = v.executeQuery()) {
                    return rv.next() ? rv.getString(1) : "";
                }
            }
        }
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /**
     * Runs work in one write transaction: committed if it returns, rolled back if it throws. Write transactions run one
     * at a time, on every node sharing the database (each takes the data revision's row lock first), so work that reads
     * what is stored and decides from it (a revision number, a conflict, a checksum seen before) decides on what is
     * committed, and no two writers race for one key. When the work logged a change, the data revision moves with the
     * commit, and who made the change ({@link WriteActor}, when set) is written to the audit log in the same transaction.
     */
    public <T> T inTransaction(SqlWork<T> work) {
        if (writers.isHeldByCurrentThread()) {
            throw new IllegalStateException("A write transaction may not open another one: pass its connection on");
        }
        writers.lock();
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                DataRevision.lock(connection);
                T result = work.run(connection);
                DataRevision.advanceIfChanged(connection);
                Optional<WriteActor> actor = WriteActor.current();
                if (actor.isPresent()) {
                    AuditLog.write(connection, actor.get(), Instant.now());
                }
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                // An Error too (out of memory mid-import): restoring auto-commit below would otherwise commit half the work.
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new StoreException("Database write failed: " + e.getMessage(), e);
        } finally {
            writers.unlock();
        }
    }

    /**
     * Runs a read. A read whose connection was cut while it ran (the database restarted, a proxy dropped it) is run once
     * more on a new connection: it wrote nothing, so trying again cannot do anything twice.
     */
    public <T> T read(SqlWork<T> work) {
        try {
            return readOnce(work);
        } catch (StoreException e) {
            if (!StoreException.connectionCut(e)) {
                throw e;
            }
            return readOnce(work);
        }
    }

    private <T> T readOnce(SqlWork<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw new StoreException("Database read failed: " + e.getMessage(), e);
        }
    }

    /**
     * The data revision, moved by every commit that changed data ({@link DataRevision}). Caches key on it, so an import
     * never leaves a stale answer behind, and every service node on one database sees the same revision.
     */
    public long dataRevision() {
        return revision.current(() -> read(DataRevision::current));
    }

    @Override
    public void close() {
        probes.close();
        dataSource.close();
        revision.close();
    }

    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }
}
