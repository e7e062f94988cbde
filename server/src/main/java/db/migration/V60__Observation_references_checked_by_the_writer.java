package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Drops the foreign keys of {@code observation}, the table that takes a million rows in one import. On H2 every foreign
 * key brings an index of its own, and keeping the three of them cost about three seconds each per million rows (the
 * import benchmark: 19.8 s with them, 10 s without). The references are checked instead by
 * {@link no.kostra.store.ImportWriter}, the only writer of the table, in the same transaction as the insert; regions,
 * indicators and import log entries are never deleted. A Java migration because the constraints were created without
 * names, and the names the two databases gave them differ.
 */
public final class V60__Observation_references_checked_by_the_writer extends BaseJavaMigration {
    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        List<String> names = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("select constraint_name from information_schema.table_constraints"
                + " where upper(table_name) = 'OBSERVATION' and constraint_type = 'FOREIGN KEY'")) {
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    names.add(r.getString(1));
                }
            }
        }
        try (Statement s = c.createStatement()) {
            for (String name : names) {
                s.execute("alter table observation drop constraint \"" + name.replace("\"", "\"\"") + "\"");
            }
        }
    }
}
