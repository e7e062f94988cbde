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

    /** What {@link #save} did: shapes added, changed and left as they were. */
    public record Saved(int added, int changed, int unchanged) {
    }

    /** Adds or replaces the shape of each table given; the shapes of other tables stay. */
    public static Saved save(Connection c, List<TableShape> shapes) throws SQLException {
        int added = 0;
        int changed = 0;
        try (PreparedStatement delete = c.prepareStatement("delete from statbank_table_shape where table_id = ?");
             PreparedStatement insert = c.prepareStatement("insert into statbank_table_shape (table_id, shape) values (?, ?)")) {
            for (TableShape shape : shapes) {
                Optional<TableShape> stored = find(c, shape.table());
                if (stored.isPresent() && stored.get().equals(shape)) {
                    continue;
                }
                if (stored.isPresent()) {
                    changed++;
                } else {
                    added++;
                }
                delete.setString(1, shape.table());
                delete.executeUpdate();
                insert.setString(1, shape.table());
                try {
                    insert.setString(2, JSON.writeValueAsString(shape));
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException("Cannot write the shape of StatBank table " + shape.table(), e);
                }
                insert.executeUpdate();
            }
        }
        return new Saved(added, changed, shapes.size() - added - changed);
    }
}
