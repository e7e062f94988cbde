package no.kostra.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The imports done, newest first: what each read and did, and the data revision it moved to. */
public final class ImportLog {
    private final Database database;

    public ImportLog(Database database) {
        this.database = database;
    }

    /**
     * One import as logged.
     *
     * @param file           the file's (or update's, or returned workbook's) name
     * @param changed        stored figures whose value it changed
     * @param vintageChanged stored figures whose vintage alone it changed
     * @param dataRevision   the revision its changes were committed under; null when it changed nothing
     */
    public record Entry(long id, String kind, String file, String vintage, Instant importedAt, int read, int added,
                        int changed, int vintageChanged, int unchanged, int rejected, Long dataRevision) {
    }

    /** Up to {@code limit} imports older than {@code before} (all when null), newest first. */
    public List<Entry> page(Long before, int limit) {
        return database.read(c -> {
            List<Entry> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("select id, kind, source_name, vintage, imported_at, rows_read,"
                    + " rows_added, rows_changed, rows_vintage_changed, rows_unchanged, rows_rejected, data_revision"
                    + " from import_log where id < ? order by id desc limit ?")) {
                s.setLong(1, before == null ? Long.MAX_VALUE : before);
                s.setInt(2, limit);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        long revision = r.getLong(12);
                        out.add(new Entry(r.getLong(1), r.getString(2), r.getString(3), r.getString(4),
                                r.getTimestamp(5).toInstant(), r.getInt(6), r.getInt(7), r.getInt(8) - r.getInt(9), r.getInt(9),
                                r.getInt(10), r.getInt(11), r.wasNull() ? null : revision));
                    }
                }
            }
            return out;
        });
    }
}
