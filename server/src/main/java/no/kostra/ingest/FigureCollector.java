package no.kostra.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import no.kostra.catalog.Catalog;
import no.kostra.catalog.Indicator;
import no.kostra.catalog.Region;
import no.kostra.catalog.RegionCodes;
import no.kostra.catalog.RegionKind;
import no.kostra.compute.Plausibility;
import no.kostra.errors.InvalidInputException;
import no.kostra.observation.Figure;
import no.kostra.observation.Statistic;
import no.kostra.observation.Status;
import no.kostra.store.GroupStatisticRow;
import no.kostra.store.ImportWriter;
import no.kostra.store.RowsDisagreeException;
import no.kostra.store.SortedObservations;
import no.kostra.store.WriteListener;

/**
 * Checks every figure a reader finds against the catalogue and hands it on, sorted, to the writer; nothing is written
 * here. A problem stops the import with a message naming the file, the place and the field: at once for a cube
 * (JSON-stat), or, for a table whose rows are {@link #checked}, when all rows are read, naming every faulty line (the
 * first {@link #MAX_PROBLEMS} and how many there are). Rows that are
 * well-formed but must not be stored (SSB's empty back-filled rows, regions the mapping ignores) are collected as
 * rejections; figures stored although they look wrong (a number beside a status symbol, one too near 0 for the stored
 * decimals) as warnings. While the writer decides the figures it tells this collector of each new value, which is judged
 * by {@link Plausibility} (its unit's range, a jump of ten times the year before) and, if doubtful, collected as an
 * outlier: the importer holds those for a confirmation. Not thread-safe.
 *
 * <p>Readers name each figure by a position in its file (a CSV line, an Excel row, a JSON-stat cell) and say how to
 * describe a position ({@link Locator}); the description is made only when a message needs it.
 */
final class FigureCollector implements WriteListener, AutoCloseable {
    static final int FIRST_YEAR = 1990;
    /** Bits of a position that say where in its file; those above say which file of the import. */
    private static final int IN_FILE_BITS = 40;
    /** A value at or beyond this does not fit the stored number (18 digits before the decimal comma). */
    private static final double TOO_LARGE = 1e18;
    /** Below this a value may round to 0 at the stored ten decimals (exactly: below 0,5e-10); the rare case is checked exactly. */
    private static final double NEAR_ZERO = 1e-10;

    /** Says where a position of a file is, for messages ("linje 7, kolonne value", "value[3] (Tid=2024, …)"). */
    @FunctionalInterface
    interface Locator {
        String describe(long position, String field);
    }
    /** A refused table's message names this many problems, and counts the rest. */
    static final int MAX_PROBLEMS = 20;

    private final Catalog catalog;
    private final ImportMapping mapping;
    private final int lastYear;
    private final String source;
    /** Where the figures go, sorted; null for a collector that only checks them. */
    private final SortedObservations observations;
    private final Map<String, GroupStatisticRow> statistics = new LinkedHashMap<>();
    private final List<Long> statisticPositions = new ArrayList<>();
    private final List<String> files = new ArrayList<>();
    private final List<Locator> locators = new ArrayList<>();
    private final List<ImportReport.Rejection> rejections = new ArrayList<>();
    private final List<ImportReport.Warning> warnings = new ArrayList<>();
    private final List<ImportReport.Outlier> outliers = new ArrayList<>();
    private final Map<String, Indicator> indicators = new HashMap<>();
    private final Map<String, Integer> years = new HashMap<>();
    private final Map<String, boolean[]> validYearsOfCode = new HashMap<>();
    private final Map<String, Region> regions = new HashMap<>();
    private final LastResolved last = new LastResolved();
    private int rejected;
    private int warned;
    private int outlierCount;
    private int read;
    private final List<InvalidInputException> problems = new ArrayList<>();
    private int problemCount;

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

    /** @param keep whether to keep the figures for the writer, or only check them */
    FigureCollector(Catalog catalog, String file, ImportMapping mapping, int lastYear, boolean keep) {
        this.catalog = catalog;
        this.mapping = mapping;
        this.lastYear = lastYear;
        this.source = mapping.sourceOr(file);
        this.observations = !keep ? null : new SortedObservations(catalog.indicators().stream().map(Indicator::id).toList(),
                catalog.regions().stream().map(Region::code).toList());
        startFile(file);
    }

    String file() {
        return files.get(files.size() - 1);
    }

    /** Names the next file whose figures come (an import of several parts); messages name the part. */
    void startFile(String name) {
        files.add(name);
        locators.add((position, field) -> "");
    }

    /** How the current file's reader names a position. */
    void locator(Locator locator) {
        locators.set(locators.size() - 1, locator);
    }

    /** "file place": where a position of the current file is. */
    private String where(long position, String field) {
        return file() + " " + locators.get(locators.size() - 1).describe(position, field);
    }

    /** Where a position handed to the writer is, whichever file of the import it came from. */
    private String whereAnywhere(long position, String field) {
        int file = (int) (position >>> IN_FILE_BITS);
        return files.get(file) + " " + locators.get(file).describe(position & ((1L << IN_FILE_BITS) - 1), field);
    }

    private long global(long position) {
        return (long) (files.size() - 1) << IN_FILE_BITS | position;
    }

    void observation(long position, String regionCode, String indicatorCode, String yearText, Figure figure) {
        observation(position, regionCode, indicatorCode, yearText, figure, source);
    }

    /** A figure whose source is its own, not the file's (an update names the table each figure came from). */
    void observation(long position, String regionCode, String indicatorCode, String yearText, Figure figure, String source) {
        read++;
        String code = regionCode == null ? "" : regionCode.trim();
        if (mapping.ignoredRegions().contains(code)) {
            reject(() -> where(position, "region"), () -> "region " + code + " er utelatt av mappingen (ignore.regions)");
            return;
        }
        Indicator indicator = indicator(position, indicatorCode);
        int year = year(position, yearText);
        if (code != last.code) {
            String ended = catalog.endedSeries(code).orElse(null);
            if (ended != null) {
                reject(() -> where(position, "region"), () -> ended);
                return;
            }
            Region region = region(position, code, "region");
            if (region.kind() != RegionKind.MUNICIPALITY) {
                throw fail(position, "region", region.code() + " (" + region.name() + ") er en gruppe, ikke en kommune;"
                        + " gruppetall importeres med kolonnene group og statistic");
            }
            last.municipality(code, region, validYearsOfCode.computeIfAbsent(code, k -> validYears(region.code(), RegionCodes.plain(k))));
        }
        Region region = last.region;
        boolean valid = last.validYears[year - FIRST_YEAR];
        if (!valid && (!figure.hasValue() || figure.value() == 0)) {
            reject(() -> where(position, "region"), () -> "kommunenummer " + code + " var ikke i bruk i " + year + " (" + region.name()
                    + " hadde " + catalog.codeInYear(region.code(), year) + "); en tom eller null-rad fra SSBs tilbakeføring"
                    + " overskriver ikke tall");
            return;
        }
        Figure stored = storable(position, figure);
        if (observations != null) {
            observations.add(indicator.id(), region.code(), code, year, stored, source, null, !valid, global(position));
        }
    }

    void groupStatistic(long position, String groupCode, String indicatorCode, String yearText, String statisticText,
                        Figure figure) {
        groupStatistic(position, groupCode, indicatorCode, yearText, statisticText, figure, source);
    }

    void groupStatistic(long position, String groupCode, String indicatorCode, String yearText, String statisticText,
                        Figure figure, String source) {
        read++;
        Indicator indicator = indicator(position, indicatorCode);
        int year = year(position, yearText);
        Region group = region(position, groupCode == null ? "" : groupCode.trim(), "group");
        if (group.kind() != RegionKind.GROUP) {
            throw fail(position, "group", group.code() + " (" + group.name() + ") er ikke en gruppe");
        }
        Statistic statistic;
        try {
            statistic = Statistic.fromCode(statisticText == null ? "" : statisticText.trim().toLowerCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw fail(position, "statistic", "forventet mean, high eller low, fant '" + statisticText + "'");
        }
        Figure stored = storable(position, figure);
        GroupStatisticRow row = new GroupStatisticRow(indicator.id(), group.code(), year, statistic, stored, source, null);
        String key = indicator.id() + "|" + group.code() + "|" + year + "|" + statistic.code();
        GroupStatisticRow before = statistics.putIfAbsent(key, row);
        if (before == null) {
            statisticPositions.add(global(position));
        } else if (!before.figure().equals(stored)) {
            throw fail(position, "value", "samme tall står to ganger med ulike verdier (" + describe(before.figure()) + " og "
                    + describe(stored) + ") for " + indicator.id() + ", " + group.code() + ", " + year + ", " + statistic.code());
        }
    }

    /**
     * The figure as it can be stored: one too large for the stored number is refused; one so near 0 that the stored
     * decimals show 0 is stored as 0, with a warning rather than without a word.
     */
    private Figure storable(long position, Figure figure) {
        if (!figure.hasValue()) {
            return figure;
        }
        double value = figure.value();
        if (Math.abs(value) >= TOO_LARGE) {
            throw fail(position, "value", "tallet " + number(value) + " er for stort til å lagres (høyst 18 sifre før komma)");
        }
        if (value != 0 && Math.abs(value) < NEAR_ZERO && ImportWriter.stored(value).signum() == 0) {
            warn(position, "value", "tallet er nærmere 0 enn de 10 desimalene som lagres, og lagres som 0");
            return Figure.of(0);
        }
        return figure;
    }

    /** A value cell and a status cell as text: a number (Norwegian or plain), or a status symbol, never both. */
    Figure figure(long position, String valueText, String statusText) {
        String value = valueText == null ? "" : valueText.trim();
        String status = statusText == null ? "" : statusText.trim();
        if (!status.isEmpty()) {
            Status s = Status.fromSymbol(status).orElseThrow(() -> fail(position, "status",
                    "ukjent statussymbol '" + status + "', forventet . .. : eller -"));
            if (!value.isEmpty() && !value.equals(status)) {
                throw fail(position, "status", "en rad har et tall eller et statussymbol, ikke begge (fant '" + value + "' og '"
                        + status + "')");
            }
            return Figure.missing(s);
        }
        var symbol = Status.fromSymbol(value);
        if (symbol.isPresent()) {
            return Figure.missing(symbol.get());
        }
        if (value.isEmpty()) {
            throw fail(position, "value", "verdi mangler: skriv et tall eller et statussymbol (. .. : -)");
        }
        return Figure.of(NorwegianNumber.parse(value).orElseThrow(() -> fail(position, "value",
                "forventet et tall (som 1 551 770, 0,972 eller 101,2 %) eller et statussymbol (. .. : -), fant '" + value + "'")));
    }

    /** Runs one check of a table row; a problem it finds is recorded, and the file refused when all rows are read. */
    void checked(Runnable check) {
        try {
            check.run();
        } catch (InvalidInputException e) {
            problemCount++;
            if (problems.size() < MAX_PROBLEMS) {
                problems.add(e);
            }
        }
    }

    /** How many problems the checked rows have had so far. */
    int problems() {
        return problemCount;
    }

    void requireIndicator(long position, String code) {
        indicator(position, code);
    }

    void requireYear(long position, String text) {
        year(position, text);
    }

    private Indicator indicator(long position, String code) {
        if (code != null && code == last.indicatorCode) {
            return last.indicator;
        }
        String c = code == null ? "" : code.trim();
        Indicator indicator = indicators.computeIfAbsent(c, k -> {
            String mapped = mapping.indicatorId(k);
            return catalog.findIndicator(mapped).orElseThrow(() -> fail(position, "indicator", "ukjent indikator '" + k + "'"
                    + (mapped.equals(k) ? "" : " (mappet til " + mapped + ")")
                    + "; importer katalogen (--format catalog) eller legg koden i mappingen (indicator." + k + "=…)"));
        });
        last.indicator(code, indicator);
        return indicator;
    }

    /** Notes something doubtful about a figure that is stored all the same. */
    void warn(long position, String field, String message) {
        warned++;
        if (warnings.size() < ImportReport.MAX_REASONS) {
            warnings.add(new ImportReport.Warning(where(position, field), message));
        }
    }

    private int year(long position, String text) {
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
            throw fail(position, "year", "forventet et årstall, fant '" + t + "'");
        }
        if (year < FIRST_YEAR || year > lastYear) {
            throw fail(position, "year", "ukjent år " + year + ": forventet et år mellom " + FIRST_YEAR + " og " + lastYear);
        }
        years.put(t, year);
        return year;
    }

    private Region region(long position, String code, String field) {
        Region region = regions.get(code);
        if (region == null) {
            region = catalog.findRegion(code).orElseThrow(() -> fail(position, field, "ukjent regionkode '" + code
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

    /** Counts a rejection; its place and reason are put in words only for those the report lists (an update has thousands). */
    private void reject(java.util.function.Supplier<String> where, java.util.function.Supplier<String> reason) {
        rejected++;
        if (rejections.size() < ImportReport.MAX_REASONS) {
            rejections.add(new ImportReport.Rejection(where.get(), reason.get()));
        }
    }

    InvalidInputException fail(long position, String field, String problem) {
        return failAt(locators.get(locators.size() - 1).describe(position, field), field, problem);
    }

    InvalidInputException failAt(String place, String field, String problem) {
        String file = file();
        return new InvalidInputException(file + (place.isEmpty() ? "" : " " + place) + ": " + problem,
                Map.of("file", file, "where", place, "field", field));
    }

    static String describe(Figure figure) {
        return figure.hasValue() ? number(figure.value()) : figure.status().symbol();
    }

    /** A number as the file most likely wrote it, with a decimal comma: 0,975, -1,5, 4275. */
    static String number(double value) {
        return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString().replace('.', ',');
    }

    @Override
    public void newValue(String indicatorId, String region, String statistic, int year, double value,
                         OptionalDouble previousYear, long position) {
        Indicator indicator = catalog.requireIndicator(indicatorId);
        Plausibility.doubt(indicator, value, previousYear).ifPresent(reason -> {
            outlierCount++;
            if (outliers.size() < ImportReport.MAX_REASONS) {
                long at = statistic == null ? position : statisticPositions.get((int) position);
                outliers.add(new ImportReport.Outlier(whereAnywhere(at, "value"), indicatorId, region, statistic, year, value,
                        reason));
            }
        });
    }

    @Override
    public void overruled(String indicatorId, String reportedCode, int year, long position) {
        reject(() -> whereAnywhere(position, "region"), () -> "kommunenummer " + reportedCode + " var ikke i bruk i " + year
                + "; tallet under nummeret som gjaldt det året beholdes");
    }

    /** The refusal of a file that gives one figure twice with different values. */
    InvalidInputException disagreement(RowsDisagreeException e) {
        String file = files.get(0);
        return new InvalidInputException(file + ": samme tall står to ganger med ulike verdier: " + e.first().indicatorId()
                + ", region " + e.first().reportedCode() + ", " + e.first().year() + " er både " + describe(e.first().figure())
                + " og " + describe(e.second().figure()) + (e.count() > 1 ? " (" + e.count() + " slike konflikter i filen)" : ""),
                Map.of("file", file, "conflicts", e.count()));
    }

    /** What was read, for the writer; the counts and lists grow while it writes (rejections, outliers). */
    Collected finish() {
        refuseIfProblems();
        if (observations == null) {
            throw new IllegalStateException("This collector only checks figures");
        }
        return new Collected(observations, List.copyOf(statistics.values()), rejected);
    }

    /** One problem is told as it was found; several as one message naming each, the file named once. */
    private void refuseIfProblems() {
        if (problemCount == 1) {
            throw problems.get(0);
        }
        if (problemCount > 1) {
            String file = file();
            List<String> listed = problems.stream().map(p -> p.getMessage().startsWith(file + " ")
                    ? p.getMessage().substring(file.length() + 1) : p.getMessage()).toList();
            throw new InvalidInputException(file + " har " + problemCount + " feil: " + String.join("; ", listed)
                    + (problemCount > listed.size() ? "; … og " + (problemCount - listed.size()) + " til" : ""),
                    Map.of("file", file, "count", problemCount, "problems", listed));
        }
    }

    int read() {
        return read;
    }

    int rejected() {
        return rejected;
    }

    List<ImportReport.Rejection> rejections() {
        return List.copyOf(rejections);
    }

    int warned() {
        return warned;
    }

    List<ImportReport.Warning> warnings() {
        return List.copyOf(warnings);
    }

    int outlierCount() {
        return outlierCount;
    }

    List<ImportReport.Outlier> outliers() {
        return List.copyOf(outliers);
    }

    /** Deletes what was spilled to temporary files, whether the figures were written or the file refused. */
    @Override
    public void close() {
        if (observations != null) {
            observations.close();
        }
    }

    /**
     * @param rejected rows rejected while reading (before the writer sets aside back-filled ones)
     */
    record Collected(SortedObservations observations, List<GroupStatisticRow> statistics, int rejected) {
    }
}
