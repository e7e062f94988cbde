package no.kostra.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.kostra.catalog.Catalog;
import no.kostra.catalog.Indicator;
import no.kostra.catalog.Region;
import no.kostra.catalog.RegionCodes;
import no.kostra.catalog.RegionKind;
import no.kostra.errors.InvalidInputException;
import no.kostra.observation.Figure;
import no.kostra.observation.Statistic;
import no.kostra.observation.Status;
import no.kostra.store.GroupStatisticRow;
import no.kostra.store.ObservationColumns;
import no.kostra.store.ObservationRow;

/**
 * Checks every figure a reader finds against the catalogue and collects it; nothing is written here. The first
 * problem stops the import with a message naming the file, the place and the field. Rows that are well-formed but
 * must not be stored (SSB's empty back-filled rows, regions the mapping ignores) are collected as rejections; figures
 * stored although they look wrong (outside their unit's range, {@link no.kostra.compute.Plausibility}, a number beside a status symbol) are
 * collected as warnings. Not thread-safe.
 */
final class FigureCollector {
    static final int FIRST_YEAR = 1990;

    private final Catalog catalog;
    private String file;
    private final ImportMapping mapping;
    private final int lastYear;
    private final String source;
    private final ObservationColumns observations = new ObservationColumns();
    private final Map<String, GroupStatisticRow> statistics = new LinkedHashMap<>();
    private final List<ImportReport.Rejection> rejections = new ArrayList<>();
    private final List<ImportReport.Warning> warnings = new ArrayList<>();
    private final Map<String, Indicator> indicators = new HashMap<>();
    private final Map<String, Integer> years = new HashMap<>();
    private final Map<String, boolean[]> validYearsOfCode = new HashMap<>();
    private final Map<String, Region> regions = new HashMap<>();
    private final LastResolved last = new LastResolved();
    private int rejected;
    private int warned;
    private int read;

    /**
     * The region and indicator the previous figure resolved to, keyed by the very string it came with: a JSON-stat
     * cube hands the same category strings again and again, so most figures skip the lookups (a third of the time
     * a million-value check took).
     */
    private static final class LastResolved {
        String code;
        Region region;
        boolean[] validYears;
        String indicatorCode;
        Indicator indicator;

        void municipality(String code, Region region, boolean[] validYears) {
            this.code = code;
            this.region = region;
            this.validYears = validYears;
        }

        void indicator(String indicatorCode, Indicator indicator) {
            this.indicatorCode = indicatorCode;
            this.indicator = indicator;
        }
    }

    /** Says where a figure is, for messages; built only when a message needs it. */
    @FunctionalInterface
    interface Where {
        String describe(String field);
    }

    FigureCollector(Catalog catalog, String file, ImportMapping mapping, int lastYear) {
        this.catalog = catalog;
        this.file = file;
        this.mapping = mapping;
        this.lastYear = lastYear;
        this.source = mapping.sourceOr(file);
    }

    String file() {
        return file;
    }

    /** Names the next file whose figures come (an import of several parts); messages name the part. */
    void startFile(String name) {
        this.file = name;
    }

    void observation(Where where, String regionCode, String indicatorCode, String yearText, Figure figure) {
        read++;
        String code = regionCode == null ? "" : regionCode.trim();
        if (mapping.ignoredRegions().contains(code)) {
            reject(where.describe("region"), "region " + code + " er utelatt av mappingen (ignore.regions)");
            return;
        }
        Indicator indicator = indicator(where, indicatorCode);
        int year = year(where, yearText);
        if (code != last.code) {
            String ended = catalog.endedSeries(code).orElse(null);
            if (ended != null) {
                reject(where.describe("region"), ended);
                return;
            }
            Region region = region(where, code, "region");
            if (region.kind() != RegionKind.MUNICIPALITY) {
                throw fail(where, "region", region.code() + " (" + region.name() + ") er en gruppe, ikke en kommune;"
                        + " gruppetall importeres med kolonnene group og statistic");
            }
            last.municipality(code, region, validYearsOfCode.computeIfAbsent(code, k -> validYears(region.code(), RegionCodes.plain(k))));
        }
        Region region = last.region;
        boolean valid = last.validYears[year - FIRST_YEAR];
        if (!valid && (!figure.hasValue() || figure.value() == 0)) {
            reject(where.describe("region"), "kommunenummer " + code + " var ikke i bruk i " + year + " (" + region.name()
                    + " hadde " + catalog.codeInYear(region.code(), year) + "); en tom eller null-rad fra SSBs tilbakeføring"
                    + " overskriver ikke tall");
            return;
        }
        checkPlausible(where, indicator, figure);
        observations.add(new ObservationRow(indicator.id(), region.code(), code, year, figure, source, null), !valid);
    }

    void groupStatistic(Where where, String groupCode, String indicatorCode, String yearText, String statisticText, Figure figure) {
        read++;
        Indicator indicator = indicator(where, indicatorCode);
        int year = year(where, yearText);
        Region group = region(where, groupCode == null ? "" : groupCode.trim(), "group");
        if (group.kind() != RegionKind.GROUP) {
            throw fail(where, "group", group.code() + " (" + group.name() + ") er ikke en gruppe");
        }
        Statistic statistic;
        try {
            statistic = Statistic.fromCode(statisticText == null ? "" : statisticText.trim().toLowerCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw fail(where, "statistic", "forventet mean, high eller low, fant '" + statisticText + "'");
        }
        checkPlausible(where, indicator, figure);
        GroupStatisticRow row = new GroupStatisticRow(indicator.id(), group.code(), year, statistic, figure, source, null);
        String key = indicator.id() + "|" + group.code() + "|" + year + "|" + statistic.code();
        GroupStatisticRow before = statistics.putIfAbsent(key, row);
        if (before != null && !before.figure().equals(figure)) {
            throw fail(where, "value", "samme tall står to ganger med ulike verdier (" + describe(before.figure()) + " og "
                    + describe(figure) + ") for " + indicator.id() + ", " + group.code() + ", " + year + ", " + statistic.code());
        }
    }

    /** A value cell and a status cell as text: a number (Norwegian or plain), or a status symbol, never both. */
    Figure figure(Where where, String valueText, String statusText) {
        String value = valueText == null ? "" : valueText.trim();
        String status = statusText == null ? "" : statusText.trim();
        if (!status.isEmpty()) {
            Status s = Status.fromSymbol(status).orElseThrow(() -> fail(where, "status",
                    "ukjent statussymbol '" + status + "', forventet . .. : eller -"));
            if (!value.isEmpty() && !value.equals(status)) {
                throw fail(where, "status", "en rad har et tall eller et statussymbol, ikke begge (fant '" + value + "' og '" + status + "')");
            }
            return Figure.missing(s);
        }
        var symbol = Status.fromSymbol(value);
        if (symbol.isPresent()) {
            return Figure.missing(symbol.get());
        }
        if (value.isEmpty()) {
            throw fail(where, "value", "verdi mangler: skriv et tall eller et statussymbol (. .. : -)");
        }
        return Figure.of(NorwegianNumber.parse(value).orElseThrow(() -> fail(where, "value",
                "forventet et tall (som 1 551 770, 0,972 eller 101,2 %) eller et statussymbol (. .. : -), fant '" + value + "'")));
    }

    private Indicator indicator(Where where, String code) {
        if (code != null && code == last.indicatorCode) {
            return last.indicator;
        }
        String c = code == null ? "" : code.trim();
        Indicator indicator = indicators.computeIfAbsent(c, k -> {
            String mapped = mapping.indicatorId(k);
            return catalog.findIndicator(mapped).orElseThrow(() -> fail(where, "indicator", "ukjent indikator '" + k + "'"
                    + (mapped.equals(k) ? "" : " (mappet til " + mapped + ")")
                    + "; importer katalogen (--format catalog) eller legg koden i mappingen (indicator." + k + "=…)"));
        });
        last.indicator(code, indicator);
        return indicator;
    }

    private void checkPlausible(Where where, Indicator indicator, Figure figure) {
        if (figure.hasValue()) {
            no.kostra.compute.Plausibility.outsideRange(indicator, figure.value())
                    .ifPresent(problem -> warn(where, "value", problem + "; tallet er lagret, men bør sjekkes"));
        }
    }

    /** Notes something doubtful about a figure that is stored all the same. */
    void warn(Where where, String field, String message) {
        warned++;
        if (warnings.size() < ImportReport.MAX_REASONS) {
            warnings.add(new ImportReport.Warning(file + " " + where.describe(field), message));
        }
    }

    private int year(Where where, String text) {
        String t = text == null ? "" : text.trim();
        Integer cached = years.get(t);
        if (cached != null) {
            return cached;
        }
        int year;
        try {
            year = (int) Math.round(Double.parseDouble(t));
            if (year != Double.parseDouble(t)) {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException e) {
            throw fail(where, "year", "forventet et årstall, fant '" + t + "'");
        }
        if (year < FIRST_YEAR || year > lastYear) {
            throw fail(where, "year", "ukjent år " + year + ": forventet et år mellom " + FIRST_YEAR + " og " + lastYear);
        }
        years.put(t, year);
        return year;
    }

    private Region region(Where where, String code, String field) {
        Region region = regions.get(code);
        if (region == null) {
            region = catalog.findRegion(code).orElseThrow(() -> fail(where, field, "ukjent regionkode '" + code
                    + "'; kjente koder står i /api/regions, eller utelat koden med ignore.regions i mappingen"));
            regions.put(code, region);
        }
        return region;
    }

    /** For each year from {@link #FIRST_YEAR}: was {@code code} the region's number that year? */
    private boolean[] validYears(String canonical, String code) {
        boolean[] valid = new boolean[lastYear - FIRST_YEAR + 1];
        for (int y = FIRST_YEAR; y <= lastYear; y++) {
            valid[y - FIRST_YEAR] = catalog.codeInYear(canonical, y).equals(code);
        }
        return valid;
    }

    private void reject(String where, String reason) {
        rejected++;
        if (rejections.size() < ImportReport.MAX_REASONS) {
            rejections.add(new ImportReport.Rejection(file + " " + where, reason));
        }
    }

    InvalidInputException fail(Where where, String field, String problem) {
        return failAt(where.describe(field), field, problem);
    }

    InvalidInputException failAt(String place, String field, String problem) {
        return new InvalidInputException(file + " " + place + ": " + problem, Map.of("file", file, "where", place, "field", field));
    }

    static String describe(Figure figure) {
        return figure.hasValue() ? number(figure.value()) : figure.status().symbol();
    }

    /** A number as the file most likely wrote it, with a decimal comma: 0,975, -1,5, 4275. */
    static String number(double value) {
        return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString().replace('.', ',');
    }

    /** Checks the collected figures as a whole (one figure given twice with different values is an error). */
    Collected finish() {
        ObservationColumns.Deduplicated unique = observations.deduplicate();
        if (!unique.conflicts().isEmpty()) {
            ObservationColumns.Conflict c = unique.conflicts().get(0);
            throw new InvalidInputException(file + ": samme tall står to ganger med ulike verdier: " + c.first().indicatorId()
                    + ", region " + c.first().reportedCode() + ", " + c.first().year() + " er både " + describe(c.first().figure())
                    + " og " + describe(c.second().figure()) + (unique.conflicts().size() > 1
                    ? " (" + unique.conflicts().size() + " slike konflikter i filen)" : ""),
                    Map.of("file", file, "conflicts", unique.conflicts().size()));
        }
        for (ObservationRow o : unique.overruled()) {
            reject("region " + o.reportedCode() + ", " + o.indicatorId() + ", " + o.year(), "kommunenummer " + o.reportedCode()
                    + " var ikke i bruk i " + o.year() + "; tallet under nummeret som gjaldt det året beholdes");
        }
        return new Collected(observations, List.copyOf(statistics.values()), read, rejected, List.copyOf(rejections), warned,
                List.copyOf(warnings));
    }

    record Collected(ObservationColumns observations, List<GroupStatisticRow> statistics, int read, int rejected,
                     List<ImportReport.Rejection> rejections, int warned, List<ImportReport.Warning> warnings) {
    }
}
