package no.kostra.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;

/**
 * Where the import writer puts new observation rows, inside its transaction: JDBC batches on H2, {@code COPY FROM
 * STDIN} on PostgreSQL ({@link PostgresCopySink}), which moves a large import at the speed of a bare COPY.
 */
interface ObservationSink extends AutoCloseable {
    String COLUMNS = "indicator_id, region_code, ref_year, revision, reported_code, num_value, status, vintage, source, note, import_id";

    /** @param value the figure when {@code status} is null (stored rounded to ten decimals); @param status null for a value */
    void add(String indicator, String region, int year, int revision, String reportedCode, double value, String status,
             String vintage, String source, String note, long importId) throws SQLException;

    /** Sends what is pending; the rows are written once this returns. */
    @Override
    void close() throws SQLException;

    /** Gives up without sending what is pending (the transaction is rolled back): frees the connection, never throws. */
    void abandon();

    static ObservationSink open(Connection c) throws SQLException {
        if (c.getMetaData().getURL().startsWith("jdbc:postgresql:")) {
            return new PostgresCopySink(c);
        }
        return new Batches(c);
    }

    final class Batches implements ObservationSink {
        private static final int BATCH = 5_000;
        private final PreparedStatement insert;
        private int pending;

        Batches(Connection c) throws SQLException {
            insert = c.prepareStatement("insert into observation (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        }

        @Override
        public void add(String indicator, String region, int year, int revision, String reportedCode, double value,
                        String status, String vintage, String source, String note, long importId) throws SQLException {
            insert.setString(1, indicator);
            insert.setString(2, region);
            insert.setInt(3, year);
            insert.setInt(4, revision);
            insert.setString(5, reportedCode);
            if (status != null) {
                insert.setNull(6, Types.NUMERIC);
            } else {
                insert.setBigDecimal(6, ImportWriter.stored(value));
            }
            insert.setString(7, status);
            insert.setString(8, vintage);
            insert.setString(9, source);
            insert.setString(10, note);
            insert.setLong(11, importId);
            insert.addBatch();
            if (++pending == BATCH) {
                insert.executeBatch();
                pending = 0;
            }
        }

        @Override
        public void close() throws SQLException {
            try {
                if (pending > 0) {
                    insert.executeBatch();
                }
            } finally {
                insert.close();
            }
        }

        @Override
        public void abandon() {
            try {
                insert.close();
            } catch (SQLException e) {
                // the rollback that follows takes what was sent
            }
        }
    }
}
