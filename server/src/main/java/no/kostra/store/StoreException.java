package no.kostra.store;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/**
 * The database failed: the service's fault (HTTP 500), or, when the database cannot be reached ({@link #unreachable}),
 * a condition that passes (HTTP 503, try again).
 */
public final class StoreException extends RuntimeException {
    /** PostgreSQL's connection-exception class, and a server shutting down or restarting (admin, crash, cannot connect now). */
    private static final Set<String> SERVER_GONE = Set.of("57P01", "57P02", "57P03");
    /** H2's "connection is broken" and "database is closed". */
    private static final Set<Integer> H2_GONE = Set.of(90067, 90098);

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    /** Whether the failure comes from a database that cannot be reached now: no connection to be had, or it was cut. */
    public static boolean unreachable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLException e && gone(e)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a connection the work held was cut under it (not: none could be had), so the work may be tried again. */
    static boolean connectionCut(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException) {
                return false;
            }
            if (t instanceof SQLException e && gone(e)) {
                return true;
            }
        }
        return false;
    }

    private static boolean gone(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        return state.startsWith("08") || SERVER_GONE.contains(state) || H2_GONE.contains(e.getErrorCode());
    }
}
