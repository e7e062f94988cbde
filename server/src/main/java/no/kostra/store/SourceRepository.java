package no.kostra.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import no.kostra.catalog.IndicatorSource;

/** The stored indicator sources (table {@code indicator_source}, migration V74). Entries are replaced by key, never removed. */
public final class SourceRepository {
    private SourceRepository() {
    }

    public static List<IndicatorSource> all(Connection c) throws SQLException {
        List<IndicatorSource> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("select indicator_id, role, table_id, contents, filters, factor, verified,"
                + " evidence from indicator_source order by indicator_id, role");
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                out.add(new IndicatorSource(r.getString(1), IndicatorSource.Role.valueOf(r.getString(2).toUpperCase(Locale.ROOT)),
                        r.getString(3), r.getString(4), filters(r.getString(5)), r.getDouble(6), r.getBoolean(7), r.getString(8)));
            }
        }
        return out;
    }

    /** Adds or replaces each entry by its key (indicator, role). */
    public static void save(Connection c, List<IndicatorSource> sources) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("delete from indicator_source where indicator_id = ? and role = ?");
             PreparedStatement insert = c.prepareStatement("insert into indicator_source (indicator_id, role, table_id, contents,"
                     + " filters, factor, verified, evidence) values (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (IndicatorSource source : sources) {
                delete.setString(1, source.indicator());
                delete.setString(2, source.role().code());
                delete.addBatch();
                insert.setString(1, source.indicator());
                insert.setString(2, source.role().code());
                insert.setString(3, source.table());
                insert.setString(4, source.contents());
                insert.setString(5, source.filtersText());
                insert.setDouble(6, source.factor());
                insert.setBoolean(7, source.verified());
                insert.setString(8, source.evidence());
                insert.addBatch();
            }
            delete.executeBatch();
            insert.executeBatch();
        }
    }

    /** Reads {@link IndicatorSource#filtersText()} back (written by this class, so already checked). */
    static Map<String, List<String>> filters(String text) {
        Map<String, List<String>> filters = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return filters;
        }
        for (String part : text.split(";")) {
            String[] kv = part.split("=", 2);
            filters.put(kv[0], Arrays.asList(kv[1].split("\\+(?=[^+])")));
        }
        return filters;
    }
}
