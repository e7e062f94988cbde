package no.kostra.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;

/**
 * The highest data revision a transaction has written, committed or not, per embedded H2 engine open in this process.
 * Keyed by the engine itself, so the many in-memory databases of one test run, or a service and a command in one
 * process, never hear each other's writes.
 */
final class RevisionAnnouncements {
    private static final Map<org.h2.engine.Database, AtomicLong> BY_ENGINE = new WeakHashMap<>();

    private RevisionAnnouncements() {
    }

    static synchronized AtomicLong of(org.h2.engine.Database engine) {
        return BY_ENGINE.computeIfAbsent(engine, e -> new AtomicLong(-1));
    }

    /** The engine a connection runs in, when that is in this process; a client of another process's engine has none. */
    static Optional<org.h2.engine.Database> localEngine(Connection connection) throws SQLException {
        if (!connection.isWrapperFor(JdbcConnection.class)) {
            return Optional.empty();
        }
        return connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal local
                ? Optional.of(local.getDatabase()) : Optional.empty();
    }

    static org.h2.engine.Database engine(Connection connection) throws SQLException {
        return localEngine(connection).orElseThrow(() -> new SQLException("A trigger runs in the engine's own process"));
    }
}
