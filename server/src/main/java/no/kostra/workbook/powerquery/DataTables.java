package no.kostra.workbook.powerquery;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import no.kostra.catalog.Catalog;
import no.kostra.catalog.Region;
import no.kostra.catalog.RegionKind;
import no.kostra.compute.ProfileRow;
import no.kostra.compute.ProfileTable;
import no.kostra.compute.YearFigure;
import no.kostra.compute.efficiency.EfficiencyYear;
import no.kostra.compute.summary.Levels;
import no.kostra.compute.splits.CostSplit;
import no.kostra.errors.InvalidInputException;
import no.kostra.errors.NotFoundException;
import no.kostra.service.CatalogService;
import no.kostra.service.EfficiencyService;
import no.kostra.service.ProfileService;
import no.kostra.service.SplitService;
import no.kostra.workbook.EfficiencyColumn;
import no.kostra.workbook.ProfileColumn;
import no.kostra.workbook.SeriesColumn;
import no.kostra.workbook.SeriesGatherer;
import no.kostra.workbook.SeriesRow;

/**
 * The tables the service fills into report workbooks, each as one flat {@link DataTable} with the columns and values a
 * filled table shows: a profile (or several, the summary), an area's series, its efficiency split, and a cost split.
 * A missing figure is its SSB status symbol ({@code ..} where nothing is stored), never 0; a figure the workbook
 * computes with a formula is the service's own result. Thread-safe; reads through the services' caches.
 */
public final class DataTables {
    /** What a filled cell shows where the service has no figure (SSB: not available). */
    static final String NOT_AVAILABLE = "..";
    private static final String PERCENT = "prosent";

    private final CatalogService catalogs;
    private final ProfileService profiles;
    private final SeriesGatherer series;
    private final EfficiencyService efficiency;
    private final SplitService splits;

    public DataTables(CatalogService catalogs, ProfileService profiles, SeriesGatherer series, EfficiencyService efficiency,
                      SplitService splits) {
        this.catalogs = catalogs;
        this.profiles = profiles;
        this.series = series;
        this.efficiency = efficiency;
        this.splits = splits;
    }

    /** The columns of a profile table for a report year: every column a template's profile or summary table may have. */
    public static List<DataColumn> profileColumns(int year) {
        List<DataColumn> columns = new ArrayList<>();
        for (ProfileColumn c : ProfileColumn.values()) {
            String header = c.yearsBack().map(back -> Integer.toString(year - back)).orElse(c.header());
            columns.add(new DataColumn(c.header(), header, switch (c) {
                case YEAR_1, YEAR_2, REPORT_YEAR, MEAN, HIGH, LOW -> DataColumn.Kind.FIGURE;
                case INDEX, DEVIATION, CHANGE, CHART_INDEX, HIGH_INDEX, LOW_INDEX -> DataColumn.Kind.COMPUTED;
                case COMMENT -> DataColumn.Kind.COMMENT;
                default -> DataColumn.Kind.TEXT;
            }));
        }
        return withRevision(columns);
    }

    /** The columns of a series table for a report year. */
    public static List<DataColumn> seriesColumns(int year) {
        List<DataColumn> columns = new ArrayList<>();
        for (SeriesColumn c : SeriesColumn.values()) {
            columns.add(c.yearsBack().map(back -> new DataColumn(c.header(), Integer.toString(year - back), DataColumn.Kind.FIGURE))
                    .orElse(DataColumn.of(c.header(), DataColumn.Kind.TEXT)));
        }
        return withRevision(columns);
    }

    /** The columns of an efficiency table. */
    public static List<DataColumn> efficiencyColumns() {
        return withRevision(Arrays.stream(EfficiencyColumn.values()).map(c -> DataColumn.of(c.header(), switch (c) {
            case YEAR -> DataColumn.Kind.TEXT;
            case COST, PRODUCTION -> DataColumn.Kind.NUMBER;
            case EFFICIENCY -> DataColumn.Kind.COMPUTED;
        })).toList());
    }

    /** The columns of a cost split. */
    public static List<DataColumn> splitColumns() {
        return withRevision(List.of(DataColumn.of("Funksjon", DataColumn.Kind.TEXT), DataColumn.of("Enhet", DataColumn.Kind.TEXT),
                DataColumn.of("År", DataColumn.Kind.NUMBER), DataColumn.of("Mill. kroner", DataColumn.Kind.NUMBER),
                DataColumn.of("Andel (%)", DataColumn.Kind.NUMBER)));
    }

    /**
     * The rows of these profiles for a municipality and report year, in order: one profile is a profile table, several
     * the summary. An unknown region, profile or a year before a profile's first layout is a {@link NotFoundException}.
     */
    public DataTable profiles(String region, List<String> profileCodes, int year, long revision) {
        List<List<Object>> rows = new ArrayList<>();
        for (String code : profileCodes) {
            // the summary's table leaves out a profile without figures for the year, as the filled summary does (its
            // findings say so); one profile asked alone is not found, as its area's workbook is not
            if (profileCodes.size() > 1 && !profiles.years(region, code).withProfile().orElseThrow().contains(year)) {
                continue;
            }
            ProfileTable table = profiles.profile(region, code, year);
            for (ProfileRow row : table.rows()) {
                List<Object> cells = new ArrayList<>();
                for (ProfileColumn c : ProfileColumn.values()) {
                    cells.add(profileCell(table, row, c, year));
                }
                cells.add(revision);
                rows.add(cells);
            }
        }
        return new DataTable("profile", revision, profileColumns(year), rows);
    }

    /** An area's series for a municipality: the report year and the three before, one row per indicator and region. */
    public DataTable series(String region, String area, int year, long revision) {
        Catalog catalog = catalogs.at(revision);
        Asked asked = asked(catalog, region, area);
        List<List<Object>> rows = new ArrayList<>();
        for (SeriesRow row : series.gather(catalog, asked.area(), asked.municipality(), shownYears(year))) {
            List<Object> cells = new ArrayList<>(List.of(row.indicator(), row.name(), row.regionName(), row.unit()));
            row.figures().forEach(f -> cells.add(shown(f)));
            cells.add(revision);
            rows.add(cells);
        }
        return new DataTable("series", revision, seriesColumns(year), rows);
    }

    /** An area's efficiency split over the report year and the three before; no rows when none is stored for it. */
    public DataTable efficiency(String region, String area, int year, long revision) {
        Asked asked = asked(catalogs.at(revision), region, area);
        List<EfficiencyYear> years;
        try {
            years = efficiency.efficiency(asked.municipality(), asked.area(), year - SeriesColumn.YEARS_SHOWN + 1, year).years();
        } catch (NotFoundException e) {
            years = List.of(); // region and area are known: nothing is stored for these years, as a filled workbook shows
        }
        List<List<Object>> rows = new ArrayList<>();
        for (EfficiencyYear y : years) {
            rows.add(Arrays.asList(Integer.toString(y.year()), Levels.percentOver(y.costIndex()),
                    Levels.percentOver(y.productionIndex()), y.efficiency() * 100.0, revision));
        }
        return new DataTable("efficiency", revision, efficiencyColumns(), rows);
    }

    /** A cost split: every unit's expenses and share per year, then the year's total (100 %). */
    public DataTable splits(String table, String function, long revision) {
        CostSplit split = splits.costSplit(table, function);
        List<List<Object>> rows = new ArrayList<>();
        for (CostSplit.UnitRow unit : split.units()) {
            for (CostSplit.YearShare v : unit.values()) {
                rows.add(Arrays.asList(split.function(), unit.unit(), v.year(), v.value(), v.sharePercent(), revision));
            }
        }
        for (CostSplit.Total t : split.totals()) {
            rows.add(Arrays.asList(split.function(), CostSplit.TOTAL, t.year(), t.printed() != null ? t.printed() : t.sumOfUnits(),
                    100.0, revision));
        }
        return new DataTable("splits", revision, splitColumns(), rows);
    }

    /** The years a series or efficiency table shows: the report year and the three before, oldest first. */
    static List<Integer> shownYears(int year) {
        return IntStream.rangeClosed(year - SeriesColumn.YEARS_SHOWN + 1, year).boxed().toList();
    }

    private static Object profileCell(ProfileTable table, ProfileRow row, ProfileColumn column, int year) {
        return switch (column) {
            case ID -> row.indicator();
            case AREA -> table.profile().title();
            case CATEGORY -> row.category();
            case NAME -> row.name();
            case UNIT -> row.unitName();
            case YEAR_1, YEAR_2, REPORT_YEAR -> shown(valueIn(row, year - column.yearsBack().orElseThrow()));
            case MEAN -> shown(row.asss().mean());
            case HIGH -> shown(row.asss().high());
            case LOW -> shown(row.asss().low());
            case INDEX -> computed(row.index());
            case DEVIATION -> computed(row.deviationPercent());
            case CHANGE -> computed(row.change() == null ? null : row.change().value());
            case CHANGE_UNIT -> PERCENT.equals(row.unit()) ? "prosentpoeng" : PERCENT;
            // a chart's helper: empty where there is nothing to plot, a gap in the chart as #N/A is in a filled one
            case CHART_INDEX -> row.chart().municipality();
            case HIGH_INDEX -> row.chart().high();
            case LOW_INDEX -> row.chart().low();
            case NARRATIVE -> blankAsNull(String.join(" ", row.narrative()));
            case COMMENT -> blankAsNull(row.comment());
        };
    }

    private static YearFigure valueIn(ProfileRow row, int year) {
        return row.values().stream().filter(v -> v.year() == year).findFirst().orElse(new YearFigure(year, null, NOT_AVAILABLE));
    }

    /** A figure as a filled cell shows it: the number, or the status symbol in its place. */
    private static Object shown(YearFigure figure) {
        if (figure.value() != null) {
            return figure.value();
        }
        return figure.status() == null ? NOT_AVAILABLE : figure.status();
    }

    private static Object computed(Double value) {
        return value == null ? NOT_AVAILABLE : value;
    }

    private static String blankAsNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }

    /** A municipality's canonical code and an area's code, as asked for an area's table. */
    private record Asked(String municipality, String area) {
    }

    /** An unknown region or area is a {@link NotFoundException}; a group where a municipality belongs is refused. */
    private static Asked asked(Catalog catalog, String region, String area) {
        Region found = catalog.requireRegion(region);
        if (found.kind() != RegionKind.MUNICIPALITY) {
            throw new InvalidInputException(found.name() + " (" + found.code() + ") er en gruppe, ikke en kommune; tabellen viser"
                    + " en kommune mot gruppene", Map.of("region", region));
        }
        String code = area.trim().toUpperCase(Locale.ROOT);
        if (!catalog.areas().contains(code)) {
            throw new NotFoundException("Fant ikke tjenesteområde " + area, Map.of("asked", area, "known", List.copyOf(catalog.areas())));
        }
        return new Asked(found.code(), code);
    }

    private static List<DataColumn> withRevision(List<DataColumn> columns) {
        List<DataColumn> all = new ArrayList<>(columns);
        all.add(DataColumn.of(DataTable.REVISION, DataColumn.Kind.NUMBER));
        return List.copyOf(all);
    }
}
