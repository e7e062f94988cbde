package no.kostra.ingest;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import no.kostra.catalog.Catalog;
import no.kostra.catalog.IndicatorSource;
import no.kostra.errors.InvalidInputException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The catalogue table {@code indicator_sources.csv}: where in StatBank each indicator comes from. Header
 * {@code indicator,role,table,contents,filters,factor,status,evidence}; one row per indicator and role
 * ({@code value}, {@code numerator}, {@code denominator}). Merged into the stored sources by that key (added or replaced,
 * never removed) and checked as a whole first: a bad line is refused with a bokmål message naming line and column.
 */
public final class SourceTable {
    public static final String FILE = "indicator_sources.csv";
    public static final List<String> HEADER = List.of("indicator", "role", "table", "contents", "filters", "factor",
            "status", "evidence");
    private static final List<String> REQUIRED = List.of("indicator", "role", "table", "contents", "filters", "status");
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_.+\\-]+");
    private static final Pattern TABLE = Pattern.compile("[A-Za-z0-9]{1,16}");
    private static final Set<String> NOT_FILTERABLE = Set.of("ContentsCode", "Tid");

    private SourceTable() {
    }

    /** Whether a catalogue file is this table (told by its header, as the other catalogue tables are). */
    public static boolean isSourceTable(byte[] bytes) {
        return CsvTable.headerHas(bytes, REQUIRED);
    }

    /** The stored sources with a file's rows merged in, and what changed. */
    public record Merge(List<IndicatorSource> merged, List<IndicatorSource> incoming, int read, int added, int changed,
                        int unchanged) {
    }

    /** Reads a file and merges it into {@code current}; the result is checked as a whole. */
    public static Merge merge(Catalog catalog, List<IndicatorSource> current, String file, byte[] bytes) {
        List<Line> lines = parse(catalog, file, CsvFigureReader.decode(bytes));
        Map<String, IndicatorSource> byKey = new LinkedHashMap<>();
        current.forEach(s -> byKey.put(s.key(), s));
        int added = 0;
        int changed = 0;
        int unchanged = 0;
        for (Line line : lines) {
            IndicatorSource before = byKey.put(line.source().key(), line.source());
            if (before == null) {
                added++;
            } else if (before.equals(line.source())) {
                unchanged++;
            } else {
                changed++;
            }
        }
        List<IndicatorSource> merged = List.copyOf(byKey.values());
        checkPairs(file, merged, lines);
        return new Merge(merged, lines.stream().map(Line::source).toList(), lines.size(), added, changed, unchanged);
    }

    /** Reads the seeds' copy of the table (checked like an import, against the seeds' catalogue). */
    public static List<IndicatorSource> parseSeed(Catalog catalog, String text) {
        List<Line> lines = parse(catalog, FILE, text);
        List<IndicatorSource> sources = lines.stream().map(Line::source).toList();
        checkPairs(FILE, sources, lines);
        return sources;
    }

    private record Line(long number, IndicatorSource source) {
    }

    private static List<Line> parse(Catalog catalog, String file, String text) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).get();
        List<Line> lines = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text.startsWith("\uFEFF") ? text.substring(1) : text), format)) {
            Set<String> header = parser.getHeaderMap().keySet();
            for (String column : REQUIRED) {
                if (!header.contains(column)) {
                    throw fail(file, 1, column, "kolonnen mangler; overskriften skal være " + String.join(",", HEADER));
                }
            }
            Set<String> keys = new HashSet<>();
            for (CSVRecord record : parser) {
                Row row = new Row(file, record);
                IndicatorSource source = row.source(catalog);
                if (!keys.add(source.key())) {
                    throw fail(file, row.line(), "role", source.indicator() + " har to rader med rollen " + source.role().code());
                }
                lines.add(new Line(row.line(), source));
            }
        } catch (IOException | IllegalArgumentException | java.io.UncheckedIOException e) {
            throw new InvalidInputException(file + ": kan ikke leses som CSV: " + e.getMessage(), Map.of("file", file));
        }
        return lines;
    }

    /** A ratio needs both its parts: a numerator without a denominator (or the reverse) can never be computed. */
    private static void checkPairs(String file, List<IndicatorSource> sources, List<Line> lines) {
        Map<String, Set<IndicatorSource.Role>> roles = new LinkedHashMap<>();
        sources.forEach(s -> roles.computeIfAbsent(s.indicator(), k -> new HashSet<>()).add(s.role()));
        roles.forEach((indicator, has) -> {
            boolean numerator = has.contains(IndicatorSource.Role.NUMERATOR);
            if (numerator != has.contains(IndicatorSource.Role.DENOMINATOR)) {
                String missing = numerator ? "denominator" : "numerator";
                long line = lines.stream().filter(l -> l.source().indicator().equals(indicator)).mapToLong(Line::number)
                        .findFirst().orElse(1);
                throw fail(file, line, "role", indicator + " har en " + (numerator ? "numerator" : "denominator")
                        + " men ingen " + missing + "; en brøk trenger begge");
            }
        });
    }

    private static InvalidInputException fail(String file, long line, String column, String problem) {
        String where = "linje " + line + ", kolonne " + column;
        return new InvalidInputException(file + " " + where + ": " + problem, Map.of("file", file, "where", where, "field", column));
    }

    /** A line read with {@link CsvTable.Row}'s cell access; its refusals are import errors naming line and column. */
    private static final class Row {
        private final String file;
        private final CsvTable.Row cells;

        Row(String file, CSVRecord record) {
            this.file = file;
            this.cells = new CsvTable.Row(file, record);
        }

        long line() {
            return cells.line();
        }

        String text(String column) {
            return cells.text(column);
        }

        String required(String column) {
            String value = text(column);
            if (value.isEmpty()) {
                throw fail(file, line(), column, "verdi mangler");
            }
            return value;
        }

        IndicatorSource source(Catalog catalog) {
            String indicator = required("indicator");
            if (catalog.findIndicator(indicator).isEmpty()) {
                throw fail(file, line(), "indicator", "ukjent indikator '" + indicator + "'; importer indicators.csv først");
            }
            IndicatorSource.Role role = switch (required("role").toLowerCase(Locale.ROOT)) {
                case "value" -> IndicatorSource.Role.VALUE;
                case "numerator" -> IndicatorSource.Role.NUMERATOR;
                case "denominator" -> IndicatorSource.Role.DENOMINATOR;
                default -> throw fail(file, line(), "role", "forventet value, numerator eller denominator, fant '" + text("role") + "'");
            };
            String table = required("table");
            if (!TABLE.matcher(table).matches()) {
                throw fail(file, line(), "table", "forventet et tabellnummer som 12367, fant '" + table + "'");
            }
            String contents = required("contents");
            if (!CODE.matcher(contents).matches()) {
                throw fail(file, line(), "contents", "forventet én ContentsCode som KOSbelop0000, fant '" + contents + "'");
            }
            boolean verified = switch (required("status").toLowerCase(Locale.ROOT)) {
                case "verified" -> true;
                case "unverified" -> false;
                default -> throw fail(file, line(), "status", "forventet verified eller unverified, fant '" + text("status") + "'");
            };
            String evidence = text("evidence");
            if (verified && evidence.isEmpty()) {
                throw fail(file, line(), "evidence", "en verifisert kilde må si hvor den er lest");
            }
            return new IndicatorSource(indicator, role, table, contents, filters(), factor(), verified, evidence);
        }

        private Map<String, List<String>> filters() {
            Map<String, List<String>> filters = new LinkedHashMap<>();
            String text = text("filters");
            if (text.isEmpty()) {
                return filters;
            }
            for (String part : text.split(";")) {
                String[] kv = part.split("=", -1);
                if (kv.length != 2 || kv[0].isBlank() || kv[1].isBlank()) {
                    throw fail(file, line(), "filters", "forventet DIMENSJON=KODE[+KODE…] adskilt med ';', fant '" + part + "'");
                }
                String dimension = kv[0].trim();
                if (NOT_FILTERABLE.contains(dimension)) {
                    throw fail(file, line(), "filters", dimension + " velges ikke med filter (contents og år velges av oppdateringen)");
                }
                // '+' sums, except at a code's end: 07459's oldest age group is the code "105+".
                List<String> codes = Arrays.stream(kv[1].split("\\+(?=[^+])")).map(String::trim).toList();
                if (codes.stream().anyMatch(c -> !(c.equals(IndicatorSource.ALL) || CODE.matcher(c).matches()))
                        || codes.contains(IndicatorSource.ALL) && codes.size() > 1) {
                    throw fail(file, line(), "filters", "ugyldige koder '" + kv[1] + "' for " + dimension
                            + "; skriv KODE, KODE+KODE (summeres) eller * (alle summeres)");
                }
                if (filters.put(dimension, codes) != null) {
                    throw fail(file, line(), "filters", dimension + " står to ganger");
                }
            }
            return filters;
        }

        private double factor() {
            String text = text("factor");
            if (text.isEmpty()) {
                return 1;
            }
            double factor = NorwegianNumber.parse(text).orElseThrow(() -> fail(file, line(), "factor",
                    "forventet et tall som 1000, fant '" + text + "'"));
            if (!(factor > 0) || Double.isInfinite(factor)) {
                throw fail(file, line(), "factor", "faktoren må være større enn 0, fant '" + text + "'");
            }
            return factor;
        }
    }
}
