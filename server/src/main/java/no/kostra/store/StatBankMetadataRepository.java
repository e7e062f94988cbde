package no.kostra.store;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/** StatBank tables' metadata as last asked (table {@code statbank_metadata}, migration V97): one row per table. */
public final class StatBankMetadataRepository {
    private StatBankMetadataRepository() {
    }

    public static Optional<String> find(Connection c, String table) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select metadata from statbank_metadata where table_id = ?")) {
            s.setString(1, table);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(new String(r.getBytes(1), StandardCharsets.UTF_8)) : Optional.empty();
            }
        }
    }

    /** Replaces the table's row (in a write transaction: writers queue, so two updates never race for one table). */
    public static void save(Connection c, String table, String metadata, Instant at) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("delete from statbank_metadata where table_id = ?");
             PreparedStatement insert = c.prepareStatement("insert into statbank_metadata (table_id, metadata, remembered_at)"
                     + " values (?, ?, ?)")) {
            delete.setString(1, table);
            delete.executeUpdate();
            insert.setString(1, table);
            insert.setBytes(2, metadata.getBytes(StandardCharsets.UTF_8));
            insert.setTimestamp(3, Timestamp.from(at));
            insert.executeUpdate();
        }
    }
}
