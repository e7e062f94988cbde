package no.kostra.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.h2.api.Trigger;

/**
 * Tells the process that holds the embedded H2 database open that a transaction moved the data revision, before that
 * transaction commits. H2 runs triggers in that process whichever client wrote (the service, or a command connected
 * through the mixed-mode port), so {@link CommittedRevision} learns of every write without asking the database on
 * each request. Its class name is stored in embedded databases ({@link CommittedRevision} creates it): keep the name.
 */
public final class RevisionTrigger implements Trigger {
    private int revisionColumn;

    @Override
    public void init(Connection conn, String schemaName, String triggerName, String tableName, boolean before, int type)
            throws SQLException {
        try (ResultSet columns = conn.getMetaData().getColumns(null, schemaName, tableName, "REVISION")) {
            if (!columns.next()) {
                throw new SQLException("Table " + tableName + " has no column REVISION for trigger " + triggerName);
            }
            revisionColumn = columns.getInt("ORDINAL_POSITION") - 1;
        }
    }

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        long revision = ((Number) newRow[revisionColumn]).longValue();
        RevisionAnnouncements.of(RevisionAnnouncements.engine(conn)).accumulateAndGet(revision, Math::max);
    }
}
