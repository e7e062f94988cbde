package no.kostra.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Every change with who made it, when, what and from where; written in the change's own transaction. */
public final class AuditLog {
    private final Database database;

    public AuditLog(Database database) {
        this.database = database;
    }

    /** One audited change. */
    public record Entry(long id, Instant at, String actor, String action, String address) {
    }

    static void write(Connection c, WriteActor actor, Instant at) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("insert into audit_log (at, actor, action, address) values (?, ?, ?, ?)")) {
            s.setTimestamp(1, Timestamp.from(at));
            s.setString(2, cut(actor.actor(), 200));
            s.setString(3, cut(actor.action(), 1000));
            s.setString(4, cut(actor.address(), 64));
            s.executeUpdate();
        }
    }

    /** The entries from {@code from} (inclusive) to {@code to} (exclusive), oldest first. */
    public List<Entry> between(Instant from, Instant to) {
        return database.read(c -> {
            List<Entry> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("select id, at, actor, action, address from audit_log"
                    + " where at >= ? and at < ? order by id")) {
                s.setTimestamp(1, Timestamp.from(from));
                s.setTimestamp(2, Timestamp.from(to));
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        out.add(new Entry(r.getLong(1), r.getTimestamp(2).toInstant(), r.getString(3), r.getString(4), r.getString(5)));
                    }
                }
            }
            return out;
        });
    }

    private static String cut(String text, int max) {
        return text == null ? "" : text.length() <= max ? text : text.substring(0, max);
    }
}
