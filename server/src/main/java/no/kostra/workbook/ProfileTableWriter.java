package no.kostra.workbook;

import static no.kostra.compute.TablePrecision.DERIVED;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import no.kostra.compute.ProfileRow;
import no.kostra.compute.ProfileTable;
import no.kostra.compute.YearFigure;
import no.kostra.observation.Statistic;

/**
 * Fills a profile or summary table: one row per profile row, figures as stored, and index, deviation, change and
 * the chart's ASSS extremes as live formulas over the row's own cells (index = value / mean × 100).
 */
final class ProfileTableWriter {
    static final String ASSS = "ASSS";
    /** Index and deviation as the narrative tells them; a change also says its unit, so a printout may hide the unit column. */
    private static final String SHOWN = StyleBook.numberFormat(DERIVED);
    private static final String POINTS = "pp";
    private static final String PERCENT = "%";

    private final TableLayout table;
    private final CellWriter cells;
    private final Map<ProfileColumn, Integer> columns = new EnumMap<>(ProfileColumn.class);
    /** The decimals deviations are shown with, or null for the template's format. */
    private final Integer deviationDecimals;

    ProfileTableWriter(TableLayout table, CellWriter cells) {
        this(table, cells, null);
    }

    /** A writer that shows deviations with these decimals: the summary's findings quote them so. */
    ProfileTableWriter(TableLayout table, CellWriter cells, Integer deviationDecimals) {
        this.table = table;
        this.cells = cells;
        this.deviationDecimals = deviationDecimals;
        for (ProfileColumn column : ProfileColumn.values()) {
            table.findColumn(column.header()).ifPresent(c -> columns.put(column, c));
        }
        column(ProfileColumn.ID, "radnøkkelen");
    }

    /** Writes the rows of these profiles, in order; returns the number of rows written. */
    int write(List<ProfileTable> profiles, int year) {
        List<ProfileTable> owners = new ArrayList<>();
        List<ProfileRow> rows = new ArrayList<>();
        for (ProfileTable profile : profiles) {
            for (ProfileRow row : profile.rows()) {
                owners.add(profile);
                rows.add(row);
            }
        }
        columns.forEach((kind, c) -> kind.yearsBack().ifPresent(back -> table.renameHeader(c, Integer.toString(year - back))));
        table.finishHeaders();
        table.resize(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            writeRow(i, owners.get(i), rows.get(i), year);
        }
        return rows.size();
    }

    private void writeRow(int i, ProfileTable profile, ProfileRow row, int year) {
        String region = profile.region().code();
        boolean percentage = "prosent".equals(row.unit());
        for (Map.Entry<ProfileColumn, Integer> entry : columns.entrySet()) {
            int c = entry.getValue();
            CellWriter.Place place = new CellWriter.Place(table, i, c, row.indicator());
            switch (entry.getKey()) {
                case ID -> CellWriter.text(place, row.indicator());
                case AREA -> CellWriter.text(place, profile.profile().title());
                case CATEGORY -> CellWriter.text(place, row.category());
                case NAME -> CellWriter.text(place, row.name());
                case UNIT -> CellWriter.text(place, row.unitName());
                case YEAR_1, YEAR_2, REPORT_YEAR -> cells.figure(place, row.decimals(), row.indicator(), region, null,
                        valueIn(row, year - entry.getKey().yearsBack().orElseThrow()));
                case MEAN -> cells.figure(place, row.decimals(), row.indicator(), ASSS, Statistic.MEAN.code(), row.asss().mean());
                case HIGH -> cells.figure(place, row.decimals(), row.indicator(), ASSS, Statistic.HIGH.code(), row.asss().high());
                case LOW -> cells.figure(place, row.decimals(), row.indicator(), ASSS, Statistic.LOW.code(), row.asss().low());
                case INDEX -> cells.formula(place, SHOWN, onMeanScale(i, ProfileColumn.REPORT_YEAR, ProfileColumn.INDEX), row.index(),
                        row.indicator(), region, year);
                case DEVIATION -> cells.formula(place, deviationDecimals == null ? SHOWN : StyleBook.numberFormat(deviationDecimals),
                        deviation(i), row.deviationPercent(), row.indicator(), region, year);
                case CHANGE -> cells.formula(place, StyleBook.numberFormat(DERIVED, percentage ? POINTS : PERCENT), change(i, percentage), row.change() == null ? null : row.change().value(),
                        row.indicator(), region, year);
                case CHANGE_UNIT -> CellWriter.text(place, percentage ? "prosentpoeng" : "prosent");
                case CHART_INDEX -> cells.plotted(place, SHOWN, plotted(i, ProfileColumn.REPORT_YEAR, ProfileColumn.CHART_INDEX),
                        row.chart().municipality(), row.indicator(), region, year);
                case HIGH_INDEX -> cells.plotted(place, SHOWN, plotted(i, ProfileColumn.HIGH, ProfileColumn.HIGH_INDEX),
                        row.chart().high(), row.indicator(), ASSS, year);
                case LOW_INDEX -> cells.plotted(place, SHOWN, plotted(i, ProfileColumn.LOW, ProfileColumn.LOW_INDEX),
                        row.chart().low(), row.indicator(), ASSS, year);
                case NARRATIVE -> CellWriter.text(place, String.join(" ", row.narrative()));
                case COMMENT -> cells.comment(place, row.indicator(), region, year, row.comment());
            }
        }
        table.fitHeight(i);
    }

    private static YearFigure valueIn(ProfileRow row, int year) {
        return row.values().stream().filter(v -> v.year() == year).findFirst()
                .orElse(new YearFigure(year, null, CellWriter.NOT_AVAILABLE));
    }

    /** value / mean × 100, or .. when either is missing or the mean is 0. */
    private String onMeanScale(int i, ProfileColumn value, ProfileColumn usedBy) {
        String v = ref(i, value, usedBy);
        String m = ref(i, ProfileColumn.MEAN, usedBy);
        return Formulas.guarded(v, m, m) + v + "/" + m + "*100,\"" + CellWriter.NOT_AVAILABLE + "\")";
    }

    /** value / mean × 100 for a chart, or #N/A (a gap) when either is missing or the mean is 0. */
    private String plotted(int i, ProfileColumn value, ProfileColumn usedBy) {
        String v = ref(i, value, usedBy);
        String m = ref(i, ProfileColumn.MEAN, usedBy);
        return Formulas.guarded(v, m, m) + v + "/" + m + "*100,NA())";
    }

    private String deviation(int i) {
        return Formulas.deviation(ref(i, ProfileColumn.REPORT_YEAR, ProfileColumn.DEVIATION), ref(i, ProfileColumn.MEAN, ProfileColumn.DEVIATION));
    }

    /** Percentage points for a percentage, else percent. */
    private String change(int i, boolean percentage) {
        String now = ref(i, ProfileColumn.REPORT_YEAR, ProfileColumn.CHANGE);
        String before = ref(i, ProfileColumn.YEAR_2, ProfileColumn.CHANGE);
        return percentage
                ? "IF(AND(ISNUMBER(" + now + "),ISNUMBER(" + before + "))," + now + "-" + before + ",\"" + CellWriter.NOT_AVAILABLE + "\")"
                : Formulas.guarded(now, before, before) + "(" + now + "/" + before + "-1)*100,\"" + CellWriter.NOT_AVAILABLE + "\")";
    }

    private String ref(int i, ProfileColumn column, ProfileColumn usedBy) {
        int c = columns.computeIfAbsent(column, k -> {
            throw table.template().missing("kolonnen '" + column.header() + "' i tabellen '" + table.tableName()
                    + "' (formelen i '" + usedBy.header() + "' bruker den)");
        });
        return TableLayout.ref(table.firstDataRow() + i, c);
    }

    private int column(ProfileColumn column, String role) {
        Integer c = columns.get(column);
        if (c == null) {
            throw table.template().missing("kolonnen '" + column.header() + "' (" + role + ") i tabellen '" + table.tableName() + "'");
        }
        return c;
    }
}
