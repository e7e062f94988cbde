package no.kostra.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import no.kostra.observation.Figure;
import no.kostra.observation.Preliminary;
import no.kostra.observation.Statistic;

/** Reads what the analysis needs: figures of many regions, group statistics over years, and the analysis tables. */
public final class AnalysisRepository {
    private final Database database;

    public AnalysisRepository(Database database) {
        this.database = database;
    }

    /** indicator → region → year → figure (current revision), for several regions (canonical codes) and years. */
    public Map<String, Map<String, Map<Integer, Figure>>> regionFigures(Collection<String> indicators,
                                                                         Collection<String> regions, int from, int to) {
        if (indicators.isEmpty() || regions.isEmpty()) {
            return Map.of();
        }
        String sql = "select o.indicator_id, o.region_code, o.ref_year, o.num_value, o.status from "
                + FigureRepository.values("wanted", indicators.size()) + " cross join " + FigureRepository.values("place", regions.size())
                + " join observation o on o.indicator_id = wanted.code and o.region_code = place.code"
                + " where o.ref_year between ? and ? and " + FigureRepository.CURRENT_OBSERVATION;
        List<Object> params = new ArrayList<>(indicators);
        params.addAll(regions);
        params.addAll(List.of(from, to));
        Map<String, Map<String, Map<Integer, Figure>>> out = new HashMap<>();
        for (StoredRow r : query(sql, params)) {
            out.computeIfAbsent(r.text("indicator_id"), k -> new HashMap<>())
                    .computeIfAbsent(r.text("region_code"), k -> new HashMap<>())
                    .put(r.integer("ref_year"), figure(r));
        }
        return out;
    }

    /** indicator → group → year → statistic → figure (current revision), for several indicators and groups. */
    public Map<String, Map<String, Map<Integer, Map<Statistic, Figure>>>> groupStatistics(Collection<String> indicators,
                                                                                          Collection<String> groups, int from, int to) {
        if (indicators.isEmpty() || groups.isEmpty()) {
            return Map.of();
        }
        String sql = "select g.indicator_id, g.group_code, g.ref_year, g.statistic, g.num_value, g.status from group_statistic g"
                + " where g.ref_year between ? and ? and g.indicator_id in (" + FigureRepository.marks(indicators.size()) + ")"
                + " and g.group_code in (" + FigureRepository.marks(groups.size()) + ") and " + FigureRepository.CURRENT_STATISTIC;
        List<Object> params = new ArrayList<>(List.of(from, to));
        params.addAll(indicators);
        params.addAll(groups);
        Map<String, Map<String, Map<Integer, Map<Statistic, Figure>>>> out = new HashMap<>();
        for (StoredRow r : query(sql, params)) {
            out.computeIfAbsent(r.text("indicator_id"), k -> new HashMap<>())
                    .computeIfAbsent(r.text("group_code"), k -> new HashMap<>())
                    .computeIfAbsent(r.integer("ref_year"), k -> new HashMap<>())
                    .put(Statistic.fromCode(r.text("statistic")), figure(r));
        }
        return out;
    }

    /**
     * The current municipality figures among these that are preliminary: one query however many are asked, and few
     * answer (a report year between SSB's March and June publications). Each (indicator, region) pair is one seek of
     * the primary key, as in {@link #regionFigures}: asked as {@code in} lists, H2 read every region's figures of every
     * indicator between the first and last asked: checking Bærum's Kommunehelse profile read 52 rows on the seeds and
     * 119 256 with every municipality over ten years, for Bærum's own figures as for the ASSS members' (now 68 and
     * 391), which made a report twice as slow on the big database.
     */
    public Preliminary preliminary(Collection<String> indicators, Collection<String> regions, int from, int to) {
        if (indicators.isEmpty() || regions.isEmpty()) {
            return Preliminary.NONE;
        }
        String sql = "select o.indicator_id, o.region_code, o.ref_year from "
                + FigureRepository.values("wanted", indicators.size()) + " cross join " + FigureRepository.values("place", regions.size())
                + " join observation o on o.indicator_id = wanted.code and o.region_code = place.code"
                + " where o.vintage = 'preliminary' and o.ref_year between ? and ? and " + FigureRepository.CURRENT_OBSERVATION;
        List<Object> params = new ArrayList<>(indicators);
        params.addAll(regions);
        params.addAll(List.of(from, to));
        return new Preliminary(query(sql, params).stream().map(r -> Preliminary.figure(r.text("indicator_id"),
                r.text("region_code"), r.integer("ref_year"))).collect(java.util.stream.Collectors.toSet()));
    }

    /** The current group statistics among these that are preliminary. */
    public Preliminary preliminaryStatistics(Collection<String> indicators, Collection<String> groups, int from, int to) {
        if (indicators.isEmpty() || groups.isEmpty()) {
            return Preliminary.NONE;
        }
        String sql = "select g.indicator_id, g.group_code, g.ref_year, g.statistic from group_statistic g"
                + " where g.vintage = 'preliminary' and g.ref_year between ? and ? and g.indicator_id in ("
                + FigureRepository.marks(indicators.size()) + ") and g.group_code in (" + FigureRepository.marks(groups.size())
                + ") and " + FigureRepository.CURRENT_STATISTIC;
        List<Object> params = new ArrayList<>(List.of(from, to));
        params.addAll(indicators);
        params.addAll(groups);
        return new Preliminary(query(sql, params).stream().map(r -> Preliminary.statistic(r.text("indicator_id"),
                r.text("group_code"), r.integer("ref_year"), Statistic.fromCode(r.text("statistic"))))
                .collect(java.util.stream.Collectors.toSet()));
    }

    /** year → deflator rate (0.042 = 4,2 %). */
    public Map<Integer, Double> deflators() {
        Map<Integer, Double> out = new HashMap<>();
        for (StoredRow r : query("select ref_year, rate from deflator", List.of())) {
            out.put(r.integer("ref_year"), r.number("rate"));
        }
        return out;
    }

    /** The distinct sources of the deflators for these years, joined with "; ", or null when there are none. */
    public String deflatorSources(int from, int to) {
        List<String> sources = query("select distinct source from deflator where ref_year between ? and ? order by source",
                List.of(from, to)).stream().map(r -> r.text("source")).toList();
        return sources.isEmpty() ? null : String.join("; ", sources);
    }

    /** region → year → expense-need index for one service area. */
    public Map<String, Map<Integer, Double>> expenseNeed(String area) {
        Map<String, Map<Integer, Double>> out = new HashMap<>();
        for (StoredRow r : query("select region_code, ref_year, need_index from expense_need where area = ?", List.of(area))) {
            out.computeIfAbsent(r.text("region_code"), k -> new HashMap<>()).put(r.integer("ref_year"), r.number("need_index"));
        }
        return out;
    }

    public List<StoredRow> efficiencyStatements(String area, String region) {
        return query("select ref_year, measure, kind, num_value, source, quote from efficiency_statement"
                + " where area = ? and region_code = ? order by ref_year, row_order", List.of(area, region));
    }

    public List<StoredRow> efficiencyComponents(String area) {
        return query("select role, indicator_id, weight, source, first_year, last_year from efficiency_component where area = ?"
                + " order by first_year, row_order", List.of(area));
    }

    public List<StoredRow> costDistribution(String table) {
        return query("select function_code, unit_name, ref_year, num_value, source from cost_distribution where table_name = ?"
                + " order by row_order", List.of(table));
    }

    public List<StoredRow> costDistributionTables() {
        return query("select distinct table_name, function_code from cost_distribution order by table_name, function_code", List.of());
    }

    public List<StoredRow> costShares(String chart) {
        return query("select function_code, ref_year, unit_name, share_percent, source, note from cost_share where chart = ? order by row_order",
                List.of(chart));
    }

    public List<StoredRow> homeCareHours(String region, int year) {
        return query("select profile, hours, source from home_care_hours where region_code = ? and ref_year = ?",
                List.of(region, year));
    }

    /** Every place of one year's Kommunebarometeret, with the municipality's name, by sector and place. */
    public List<StoredRow> kommunebarometer(int year) {
        return query("select k.region_code, r.name as region_name, k.sector, k.rank_place, k.rank_of, k.grade from kommunebarometer k"
                + " join region r on r.code = k.region_code where k.ref_year = ? order by k.sector, k.rank_place", List.of(year));
    }

    public List<StoredRow> statedFigures(String area) {
        return query("select source, area, indicator_id, region_code, ref_year, kind, num_value, quote from stated_figure"
                + " where area = ? order by row_order", List.of(area));
    }

    public List<StoredRow> accountsLines(String area) {
        return query("select table_name, line, parent, ref_year, num_value, unit, source from accounts_line where area = ?"
                + " order by row_order", List.of(area));
    }

    public List<StoredRow> accountsFte(String area) {
        return query("select service, ref_year, num_value, source from accounts_fte where area = ? order by row_order",
                List.of(area));
    }

    public List<StoredRow> accountsPrintedChecks(String area) {
        return query("select table_name, line, ref_year, kind, num_value, source from accounts_printed_check where area = ? order by row_order",
                List.of(area));
    }

    public List<StoredRow> kpis(String area) {
        return query("select kpi, direction, ref_year, num_value, unit, source from kpi where area = ? order by row_order",
                List.of(area));
    }

    private List<StoredRow> query(String sql, List<?> params) {
        return database.read(c -> {
            List<StoredRow> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(sql)) {
                for (int i = 0; i < params.size(); i++) {
                    s.setObject(i + 1, params.get(i));
                }
                try (ResultSet r = s.executeQuery()) {
                    ResultSetMetaData meta = r.getMetaData();
                    while (r.next()) {
                        Map<String, Object> row = new LinkedHashMap<>();
                        for (int i = 1; i <= meta.getColumnCount(); i++) {
                            row.put(meta.getColumnLabel(i).toLowerCase(Locale.ROOT), r.getObject(i));
                        }
                        out.add(new StoredRow(row));
                    }
                }
            }
            return out;
        });
    }

    private static Figure figure(StoredRow r) {
        Double value = r.number("num_value");
        return FigureRepository.figure(value == null ? null : java.math.BigDecimal.valueOf(value), r.text("status"));
    }
}
