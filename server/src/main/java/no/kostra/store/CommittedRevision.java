package no.kostra.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * The committed data revision, which every cached answer is keyed on, asked of the database only when it may have
 * moved. Asking costs a pooled connection and a statement on every request, half of what a cached profile costs the
 * service. When this process holds the embedded H2 database open, every transaction that moves the revision says so
 * first ({@link RevisionTrigger}, before it commits), so a revision read since the last such word is still the
 * committed one; while a word is newer than what was read (a transaction not yet committed, or rolled back), every
 * call asks. A connection of its own keeps the engine in this process: H2's mixed mode hands the database to another
 * process only once every connection of this one is closed, which would leave the word unheard. Anywhere else
 * (PostgreSQL, several nodes, a client of another process's H2) every call asks.
 */
final class CommittedRevision implements AutoCloseable {
    private static final String TRIGGER = "create trigger if not exists data_revision_moved after update on data_revision"
            + " for each row call \"" + RevisionTrigger.class.getName() + "\"";

    private final Optional<AtomicLong> written;
    private final Connection engineHold;
    private final AtomicLong read = new AtomicLong(-1);

    private CommittedRevision(Optional<AtomicLong> written, Connection engineHold) {
        this.written = written;
        this.engineHold = engineHold;
    }

    static CommittedRevision of(DatabaseSettings settings) {
        if (!settings.jdbcUrl().startsWith("jdbc:h2:")) {
            return new CommittedRevision(Optional.empty(), null);
        }
        try {
            Connection hold = DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password());
            Optional<org.h2.engine.Database> engine = RevisionAnnouncements.localEngine(hold);
            if (engine.isEmpty()) {
                hold.close();
                return new CommittedRevision(Optional.empty(), null);
            }
            try (Statement s = hold.createStatement()) {
                s.execute(TRIGGER);
            }
            return new CommittedRevision(Optional.of(RevisionAnnouncements.of(engine.get())), hold);
        } catch (SQLException e) {
            throw new StoreException("Could not watch the embedded database's data revision: " + e.getMessage(), e);
        }
    }

    /** @param ask reads the committed revision from the database */
    long current(LongSupplier ask) {
        if (written.isEmpty()) {
            return ask.getAsLong();
        }
        long newestWritten = written.get().get();
        long lastRead = read.get();
        if (lastRead >= 0 && newestWritten <= lastRead) {
            return lastRead;
        }
        long committed = ask.getAsLong();
        read.accumulateAndGet(committed, Math::max);
        return committed;
    }

    /** Whether the revision is known without asking the database while nothing is written (for tests). */
    boolean watchesWrites() {
        return written.isPresent();
    }

    @Override
    public void close() {
        if (engineHold != null) {
            try {
                engineHold.close();
            } catch (SQLException e) {
                throw new StoreException("Could not close the data revision's hold on the database: " + e.getMessage(), e);
            }
        }
    }
}
