package no.kostra.store;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes the analysis tables. Seed rows (origin 'seed') are replaced as a whole when the seeds change; imported rows
 * (origin 'import') replace the stored row with the same key. Either way an import that changes anything is logged in
 * import_log with its row counts, so the data revision moves and no cached response goes stale.
 */
public final class ReferenceTables {
    public static final String SEED = "seed";
    public static final String IMPORT = "import";

    private ReferenceTables() {
    }

    /** Replaces every seed row of these tables, in the caller's transaction. @return rows added or changed */
    public static int replaceSeedRows(Connection c, List<ReferenceRows> tables, String checksum, Instant now) throws SQLException {
        int changed = 0;
        int read = 0;
        for (ReferenceRows t : tables) {
            Set<List<Object>> before = stored(c, t, SEED);
            Set<List<Object>> after = new HashSet<>();
            for (List<Object> row : t.rows()) {
                after.add(normalised(row));
            }
            read += t.rows().size();
            if (before.equals(after)) {
                continue;
            }
            Set<List<Object>> added = new HashSet<>(after);
            added.removeAll(before);
            changed += Math.max(added.size(), 1);
            try (PreparedStatement s = c.prepareStatement("delete from " + t.table() + " where origin = ?")) {
                s.setString(1, SEED);
                s.executeUpdate();
            }
            insert(c, withoutImportedKeys(c, t), SEED);
        }
        if (changed > 0) {
            log(c, "seed-analysis", "seeds/", checksum, now, read, changed);
        }
        return changed;
    }

    /**
     * Stores imported rows, each replacing the row with its key, in one transaction. @return the rows that were new or
     * different; a file whose every row is stored already changes nothing and leaves the data revision where it was.
     */
    public static int importRows(Database database, ReferenceRows rows, String kind, String sourceName, String checksum,
                                 Instant now) {
        return database.inTransaction(c -> {
            Set<List<Object>> before = stored(c, rows, IMPORT);
            int[] scales = scales(c, rows);
            int changed = (int) rows.rows().stream().filter(row -> !before.contains(normalised(row, scales))).count();
            if (changed == 0) {
                log(c, kind, sourceName, checksum, now, rows.rows().size(), 0);
                return 0;
            }
            String where = String.join(" and ", rows.key().stream().map(k -> k + " = ?").toList());
            try (PreparedStatement delete = c.prepareStatement("delete from " + rows.table() + " where " + where)) {
                for (List<Object> row : rows.rows()) {
                    for (int i = 0; i < rows.key().size(); i++) {
                        bind(delete, i + 1, row.get(rows.columns().indexOf(rows.key().get(i))));
                    }
                    delete.addBatch();
                }
                delete.executeBatch();
            }
            insert(c, rows, IMPORT);
            log(c, kind, sourceName, checksum, now, rows.rows().size(), changed);
            return changed;
        });
    }

    /** The seed rows whose key no imported row holds: an import outranks the seeds. */
    private static ReferenceRows withoutImportedKeys(Connection c, ReferenceRows t) throws SQLException {
        ReferenceRows keys = new ReferenceRows(t.table(), t.key(), t.key(), List.of());
        Set<List<Object>> imported = stored(c, keys, IMPORT);
        if (imported.isEmpty()) {
            return t;
        }
        List<List<Object>> kept = new ArrayList<>();
        for (List<Object> row : t.rows()) {
            List<Object> key = new ArrayList<>();
            for (String k : t.key()) {
                key.add(row.get(t.columns().indexOf(k)));
            }
            if (!imported.contains(normalised(key))) {
                kept.add(row);
            }
        }
        return new ReferenceRows(t.table(), t.columns(), t.key(), kept);
    }

    private static void insert(Connection c, ReferenceRows t, String origin) throws SQLException {
        String sql = "insert into " + t.table() + " (" + String.join(", ", t.columns()) + ", origin) values ("
                + String.join(", ", Collections.nCopies(t.columns().size() + 1, "?")) + ")";
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (List<Object> row : t.rows()) {
                for (int i = 0; i < row.size(); i++) {
                    bind(s, i + 1, row.get(i));
                }
                s.setString(row.size() + 1, origin);
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    private static Set<List<Object>> stored(Connection c, ReferenceRows t, String origin) throws SQLException {
        Set<List<Object>> out = new HashSet<>();
        try (PreparedStatement s = c.prepareStatement("select " + String.join(", ", t.columns()) + " from " + t.table()
                + " where origin = ?")) {
            s.setString(1, origin);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int i = 1; i <= t.columns().size(); i++) {
                        row.add(r.getObject(i));
                    }
                    out.add(normalised(row));
                }
            }
        }
        return out;
    }

    /** Numbers compare by value whatever their stored scale; everything else by its text. */
    private static List<Object> normalised(List<Object> row) {
        return normalised(row, null);
    }

    /**
     * As stored: a number to be written is first rounded to its column's scale (4,1 % arrives as 0.040999999999999995
     * and is stored as 0.041), so a row equal to a stored one is recognised.
     */
    private static List<Object> normalised(List<Object> row, int[] scales) {
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < row.size(); i++) {
            Object v = row.get(i);
            if (v instanceof Number n) {
                BigDecimal value = new BigDecimal(n.toString());
                if (scales != null && scales[i] >= 0) {
                    value = value.setScale(scales[i], RoundingMode.HALF_UP);
                }
                out.add(value.stripTrailingZeros().toPlainString());
            } else {
                out.add(v == null ? null : v.toString());
            }
        }
        return out;
    }

    /** Each column's decimal scale, or -1 for a column that is not a decimal. */
    private static int[] scales(Connection c, ReferenceRows t) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select " + String.join(", ", t.columns()) + " from " + t.table()
                + " where 1 = 0"); ResultSet r = s.executeQuery()) {
            ResultSetMetaData meta = r.getMetaData();
            int[] scales = new int[t.columns().size()];
            for (int i = 0; i < scales.length; i++) {
                int type = meta.getColumnType(i + 1);
                scales[i] = type == Types.NUMERIC || type == Types.DECIMAL ? meta.getScale(i + 1) : -1;
            }
            return scales;
        }
    }

    private static void bind(PreparedStatement s, int index, Object value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.NULL);
        } else if (value instanceof Integer i) {
            s.setInt(index, i);
        } else if (value instanceof Double d) {
            s.setBigDecimal(index, BigDecimal.valueOf(d));
        } else {
            s.setString(index, value.toString());
        }
    }

    private static void log(Connection c, String kind, String sourceName, String checksum, Instant now, int read,
                            int changed) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("insert into import_log (kind, source_name, checksum, vintage,"
                + " imported_at, rows_read, rows_added, rows_changed, rows_unchanged, rows_rejected)"
                + " values (?, ?, ?, 'final', ?, ?, ?, 0, ?, 0)", Statement.RETURN_GENERATED_KEYS)) {
            s.setString(1, kind);
            s.setString(2, sourceName);
            s.setString(3, checksum);
            s.setTimestamp(4, Timestamp.from(now));
            s.setInt(5, read);
            s.setInt(6, changed);
            s.setInt(7, read - changed);
            s.executeUpdate();
        }
    }
}
