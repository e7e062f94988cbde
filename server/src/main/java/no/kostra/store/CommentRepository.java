package no.kostra.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Service leaders' comments per (indicator, region, year). Every version is kept; the highest revision is current,
 * and an empty text means the comment was removed.
 */
public final class CommentRepository {
    private final Database database;

    public CommentRepository(Database database) {
        this.database = database;
    }

    /** The current, non-empty comments of a region for a year: indicator id → text. */
    public Map<String, String> current(String region, int year) {
        return database.read(c -> {
            Map<String, String> out = new LinkedHashMap<>();
            try (PreparedStatement s = c.prepareStatement("select f.indicator_id, f.comment_text from figure_comment f"
                    + " where f.region_code = ? and f.ref_year = ? and f.revision = (select max(i.revision)"
                    + " from figure_comment i where i.indicator_id = f.indicator_id and i.region_code = f.region_code"
                    + " and i.ref_year = f.ref_year) order by f.indicator_id")) {
                s.setString(1, region);
                s.setInt(2, year);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        if (!r.getString(2).isEmpty()) {
                            out.put(r.getString(1), r.getString(2));
                        }
                    }
                }
            }
            return out;
        });
    }

    /** The current comment of one key, or "" when none, in the caller's transaction. */
    public static String current(Connection c, String indicator, String region, int year) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select comment_text from figure_comment where indicator_id = ?"
                + " and region_code = ? and ref_year = ? order by revision desc")) {
            s.setString(1, indicator);
            s.setString(2, region);
            s.setInt(3, year);
            s.setMaxRows(1);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getString(1) : "";
            }
        }
    }

    /** Stores a new version of a comment in the caller's transaction. */
    public static void write(Connection c, String indicator, String region, int year, String text, Long uploadId,
                             Instant writtenAt) throws SQLException {
        int revision;
        try (PreparedStatement s = c.prepareStatement("select coalesce(max(revision), 0) from figure_comment"
                + " where indicator_id = ? and region_code = ? and ref_year = ?")) {
            s.setString(1, indicator);
            s.setString(2, region);
            s.setInt(3, year);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                revision = r.getInt(1) + 1;
            }
        }
        try (PreparedStatement s = c.prepareStatement("insert into figure_comment (indicator_id, region_code, ref_year,"
                + " revision, comment_text, upload_id, written_at) values (?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, indicator);
            s.setString(2, region);
            s.setInt(3, year);
            s.setInt(4, revision);
            s.setString(5, text);
            if (uploadId == null) {
                s.setNull(6, java.sql.Types.BIGINT);
            } else {
                s.setLong(6, uploadId);
            }
            s.setTimestamp(7, Timestamp.from(writtenAt));
            s.executeUpdate();
        }
    }
}
