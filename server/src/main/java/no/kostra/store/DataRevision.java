package no.kostra.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The data revision: a counter that moves once at the end of every transaction that changed data, under the row lock
 * every writer takes first (migration V70). It therefore follows commit order, moves for every committed change
 * whichever import started first, and is not used up by imports that changed nothing or failed. Caches key on it.
 */
public final class DataRevision {
    private DataRevision() {
    }

    public static long current(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select revision from data_revision where id = 1");
             ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }

    /** Takes the writers' lock for the rest of the caller's transaction: writers on every node sharing the database queue here. */
    static void lock(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select revision from data_revision where id = 1 for update");
             ResultSet r = s.executeQuery()) {
            r.next();
        }
    }

    /**
     * Moves the revision if this transaction logged an import that changed something, and stamps those log entries with
     * it. Only this transaction's own entries can be unstamped: every committed change was stamped when it committed.
     */
    static void advanceIfChanged(Connection c) throws SQLException {
        long next = current(c) + 1;
        int stamped;
        try (PreparedStatement s = c.prepareStatement("update import_log set data_revision = ?"
                + " where data_revision is null and rows_added + rows_changed > 0")) {
            s.setLong(1, next);
            stamped = s.executeUpdate();
        }
        if (stamped > 0) {
            try (PreparedStatement s = c.prepareStatement("update data_revision set revision = ? where id = 1")) {
                s.setLong(1, next);
                s.executeUpdate();
            }
        }
    }

    /** The revision an import's changes were committed under, or the current one when it changed nothing. */
    public static long ofImport(Connection c, long importId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select data_revision from import_log where id = ?")) {
            s.setLong(1, importId);
            try (ResultSet r = s.executeQuery()) {
                if (r.next()) {
                    long revision = r.getLong(1);
                    if (!r.wasNull()) {
                        return revision;
                    }
                }
            }
        }
        return current(c);
    }
}
