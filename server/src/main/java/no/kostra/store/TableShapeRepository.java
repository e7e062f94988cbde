package no.kostra.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import no.kostra.ingest.ssb.TableShape;

/** The catalogue's StatBank table shapes (table {@code statbank_table_shape}, migration V102): one row per table. */
public final class TableShapeRepository {
    private static final ObjectMapper JSON = new ObjectMapper();

    private TableShapeRepository() {
    }

    public static Optional<TableShape> find(Connection c, String table) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select shape from statbank_table_shape where table_id = ?")) {
            s.setString(1, table);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                try {
                    return Optional.of(JSON.readValue(r.getString(1), TableShape.class));
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException("The stored shape of StatBank table " + table + " is not readable", e);
                }
            }
        }
    }

    /** Replaces every stored shape with these (the seeds hold them all). */
    public static void replaceAll(Connection c, List<TableShape> shapes) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("delete from statbank_table_shape");
             PreparedStatement insert = c.prepareStatement("insert into statbank_table_shape (table_id, shape) values (?, ?)")) {
            delete.executeUpdate();
            for (TableShape shape : shapes) {
                insert.setString(1, shape.table());
                try {
                    insert.setString(2, JSON.writeValueAsString(shape));
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException("Cannot write the shape of StatBank table " + shape.table(), e);
                }
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
