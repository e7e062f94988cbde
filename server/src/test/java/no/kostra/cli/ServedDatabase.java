package no.kostra.cli;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import no.kostra.store.DatabaseSettings;
import no.kostra.support.EmptyPostgres;

/**
 * The database a {@link ServeProcess} serves and the test opens beside it: the embedded H2 database in a data folder
 * ({@code serve --data}), or an empty PostgreSQL database ({@code serve --db-url}).
 *
 * @param serveArguments what tells {@code serve} where the database is
 * @param writingSql     counts the other sessions whose open, uncommitted transaction is writing rows into the table
 *                       named by its one parameter
 */
record ServedDatabase(DatabaseSettings settings, List<String> serveArguments, String writingSql) {
    ServedDatabase {
        serveArguments = List.copyOf(serveArguments);
    }

    /** H2 in {@code folder}; while {@code serve} holds the file, the test reaches it through that process (AUTO_SERVER). */
    static ServedDatabase embedded(Path folder) {
        return new ServedDatabase(DatabaseSettings.embedded(folder), List.of("--data", folder.toString()),
                "select count(*) from information_schema.sessions where session_id <> session_id() and contains_uncommitted"
                        + " and lower(executing_statement) like 'insert into ' || ? || ' %'");
    }

    /** A database of its own on the test PostgreSQL server (KOSTRA_TEST_PG_URL, or the embedded one). */
    static ServedDatabase postgres() {
        DatabaseSettings settings = EmptyPostgres.require();
        return new ServedDatabase(settings, List.of("--db-url", settings.jdbcUrl(), "--db-user", settings.user(),
                "--db-password", settings.password()),
                // query is the statement running, or the last one while the transaction waits for the next
                "select count(*) from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()"
                        + " and backend_xid is not null and (lower(query) like 'insert into ' || ? || ' %'"
                        + " or lower(query) like 'copy ' || ? || ' %')");
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password());
    }

    /** Whether another session (the service's) is in the middle of a transaction that writes rows into {@code table}. */
    boolean othersWriting(Connection c, String table) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(writingSql)) {
            for (int i = 1; i <= s.getParameterMetaData().getParameterCount(); i++) {
                s.setString(i, table);
            }
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1) > 0;
            }
        }
    }

    /** The first column of every row the query answers. */
    List<String> strings(String sql) throws SQLException {
        List<String> strings = new ArrayList<>();
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                strings.add(r.getString(1));
            }
        }
        return strings;
    }

    static long number(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
