package no.kostra.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
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
    private final HikariDataSource dataSource;
    /** Writers of this process queue here, fairly, before they queue on the database's lock row. */
    private final ReentrantLock writers = new ReentrantLock(true);

    private Database(HikariDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public static Database open(DatabaseSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(settings.jdbcUrl());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(8);
        config.setPoolName("kostra");
        if (settings.jdbcUrl().startsWith("jdbc:postgresql:")) {
            // One multi-row insert per batch instead of one statement per row: a million-figure import in 9 s, not 18 s.
            config.addDataSourceProperty("reWriteBatchedInserts", "true");
        }
        HikariDataSource dataSource = new HikariDataSource(config);
        try {
            Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        return new Database(dataSource);
    }

    /** The newest migration applied (Flyway runs every one when the database is opened, or opening fails). */
    public String schemaVersion() {
        return read(c -> {
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
        });
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

    public <T> T read(SqlWork<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw new StoreException("Database read failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        dataSource.close();
    }

    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }
}
