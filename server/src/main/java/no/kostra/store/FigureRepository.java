package no.kostra.store;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import no.kostra.observation.Figure;
import no.kostra.observation.Statistic;
import no.kostra.observation.Status;

/** Reads the current revision of stored figures. */
public final class FigureRepository {
    /**
     * The row no later revision of the same figure follows. Asked as "no newer row exists", one probe of the primary
     * key per row, rather than as "revision = max(revision)", which H2 answers by scanning every revision of the figure
     * for each of them: a figure corrected a thousand times made every read of it a million steps.
     */
    static final String CURRENT_OBSERVATION = "not exists (select 1 from observation n where n.indicator_id = o.indicator_id"
            + " and n.region_code = o.region_code and n.ref_year = o.ref_year and n.revision > o.revision)";
    static final String CURRENT_STATISTIC = "not exists (select 1 from group_statistic n where n.indicator_id = g.indicator_id"
            + " and n.group_code = g.group_code and n.ref_year = g.ref_year and n.statistic = g.statistic and n.revision > g.revision)";

    private static final java.util.regex.Pattern PRINTED_AS = java.util.regex.Pattern.compile("printed as '([^']+)'.*");

    private final Database database;

    public FigureRepository(Database database) {
        this.database = database;
    }

    /** indicator → year → figure, for one region (canonical code) and a span of years. */
    public Map<String, Map<Integer, Figure>> municipalityFigures(Collection<String> indicators, String region,
                                                                  int fromYear, int toYear) {
        if (indicators.isEmpty()) {
            return Map.of();
        }
        String sql = "select o.indicator_id, o.ref_year, o.num_value, o.status from " + values("wanted", indicators.size())
                + " join observation o on o.indicator_id = wanted.code"
                + " where o.region_code = ? and o.ref_year between ? and ? and " + CURRENT_OBSERVATION;
        return database.read(c -> {
            Map<String, Map<Integer, Figure>> out = new HashMap<>();
            try (PreparedStatement s = c.prepareStatement(sql)) {
                int p = 1;
                for (String id : indicators) {
                    s.setString(p++, id);
                }
                s.setString(p++, region);
                s.setInt(p++, fromYear);
                s.setInt(p++, toYear);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        out.computeIfAbsent(r.getString(1), k -> new HashMap<>()).put(r.getInt(2), figure(r.getBigDecimal(3), r.getString(4)));
                    }
                }
            }
            return out;
        });
    }

    /** indicator → statistic → figure, for one group and year. */
    public Map<String, Map<Statistic, Figure>> groupFigures(Collection<String> indicators, String group, int year) {
        if (indicators.isEmpty()) {
            return Map.of();
        }
        String sql = "select g.indicator_id, g.statistic, g.num_value, g.status from " + values("wanted", indicators.size())
                + " join group_statistic g on g.indicator_id = wanted.code"
                + " where g.group_code = ? and g.ref_year = ? and " + CURRENT_STATISTIC;
        return database.read(c -> {
            Map<String, Map<Statistic, Figure>> out = new HashMap<>();
            try (PreparedStatement s = c.prepareStatement(sql)) {
                int p = 1;
                for (String id : indicators) {
                    s.setString(p++, id);
                }
                s.setString(p++, group);
                s.setInt(p, year);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        out.computeIfAbsent(r.getString(1), k -> new HashMap<>())
                                .put(Statistic.fromCode(r.getString(2)), figure(r.getBigDecimal(3), r.getString(4)));
                    }
                }
            }
            return out;
        });
    }

    /**
     * indicator → the label a source printed for the group's line ("ASSS med Oslo"), from the notes of the group's stored
     * figures in these years ({@code printed as 'ASSS med Oslo'}, as the seeds record it); the newest year's label wins.
     * An indicator without such a note is left out.
     */
    public Map<String, String> printedGroupLabels(Collection<String> indicators, String group, int fromYear, int toYear) {
        if (indicators.isEmpty()) {
            return Map.of();
        }
        String sql = "select g.indicator_id, g.note from group_statistic g where g.group_code = ? and g.ref_year between ? and ?"
                + " and g.indicator_id in (" + marks(indicators.size()) + ") and g.note like 'printed as %' and "
                + CURRENT_STATISTIC + " order by g.ref_year";
        return database.read(c -> {
            Map<String, String> out = new HashMap<>();
            try (PreparedStatement s = c.prepareStatement(sql)) {
                int p = 1;
                s.setString(p++, group);
                s.setInt(p++, fromYear);
                s.setInt(p++, toYear);
                for (String id : indicators) {
                    s.setString(p++, id);
                }
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        java.util.regex.Matcher label = PRINTED_AS.matcher(r.getString(2));
                        if (label.matches()) {
                            out.put(r.getString(1), label.group(1));
                        }
                    }
                }
            }
            return out;
        });
    }

    /** The years for which a region has any stored figure (a value or a status) for these indicators. */
    public SortedSet<Integer> yearsWithData(Collection<String> indicators, String region) {
        if (indicators.isEmpty()) {
            return new TreeSet<>();
        }
        String sql = "select distinct o.ref_year from " + values("wanted", indicators.size())
                + " join observation o on o.indicator_id = wanted.code where o.region_code = ?";
        return database.read(c -> {
            SortedSet<Integer> years = new TreeSet<>();
            try (PreparedStatement s = c.prepareStatement(sql)) {
                int p = 1;
                for (String id : indicators) {
                    s.setString(p++, id);
                }
                s.setString(p, region);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        years.add(r.getInt(1));
                    }
                }
            }
            return years;
        });
    }

    /** The years with any stored figure (a value or a status) of the region (its current code), or of any region when null. */
    public SortedSet<Integer> yearsWithData(String region) {
        String sql = "select distinct ref_year from observation" + (region == null ? "" : " where region_code = ?");
        return database.read(c -> {
            SortedSet<Integer> years = new TreeSet<>();
            try (PreparedStatement s = c.prepareStatement(sql)) {
                if (region != null) {
                    s.setString(1, region);
                }
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        years.add(r.getInt(1));
                    }
                }
            }
            return years;
        });
    }

    /** The data revision ({@link Database#dataRevision}). */
    public long dataRevision() {
        return database.dataRevision();
    }

    static Figure figure(BigDecimal value, String status) {
        if (value != null) {
            return Figure.of(value.doubleValue());
        }
        return Figure.missing(Status.fromSymbol(status)
                .orElseThrow(() -> new IllegalStateException("Stored status symbol is unknown: '" + status + "'")));
    }

    static String marks(int count) {
        return String.join(", ", java.util.Collections.nCopies(count, "?"));
    }

    /**
     * A derived table of {@code count} parameters as its one column {@code code}: {@code (values (?), (?)) alias(code)}.
     * Joined to a table whose primary key starts with that column, each value is one index seek, on H2 and PostgreSQL
     * alike; H2 reads an {@code in (?, ?)} list on the first key column as the range of all the listed keys, so with
     * every municipality over ten years a profile's query read 60 000 rows to return 50.
     */
    static String values(String alias, int count) {
        return "(values " + String.join(", ", java.util.Collections.nCopies(count, "(?)")) + ") " + alias + "(code)";
    }
}
