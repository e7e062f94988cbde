package no.kostra.ingest;

import java.io.IOException;
import java.io.StringReader;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import no.kostra.errors.InvalidInputException;

/**
 * How a file's columns or dimensions become figures. Written as a properties file (see README "Ingest"); every key is
 * optional:
 * <pre>
 * column.region=Kommunenr          # CSV/xlsx header naming the region column (default: region, kommune, kommunenummer)
 * dimension.region=KOKkommuneregion0000   # JSON-stat dimension ids (defaults: KOKkommuneregion0000/Region,
 * dimension.year=Tid                      #  Tid/Year, ContentsCode)
 * dimension.indicator=ContentsCode
 * filter.KOKfunksjon0000=241       # JSON-stat: keep only this category of a further dimension
 * indicator.KOSAG110000=KHT.legearsverk_per_10000   # a source code → indicator id (default: the code is the id)
 * ignore.regions=EAK,EAKUO         # region codes whose rows are skipped (reported as rejected, not an error)
 * source=SSB tabell 12345          # provenance stored with each figure (default: the file name)
 * </pre>
 * Immutable.
 */
public record ImportMapping(Map<String, String> columns, Map<String, String> dimensions, Map<String, String> filters,
                            Map<String, String> indicators, Set<String> ignoredRegions, String source) {
    static final Map<String, List<String>> COLUMN_ALIASES = columnAliases();

    public ImportMapping {
        columns = Map.copyOf(columns);
        dimensions = Map.copyOf(dimensions);
        filters = Map.copyOf(filters);
        indicators = Map.copyOf(indicators);
        ignoredRegions = Set.copyOf(ignoredRegions);
    }

    public static ImportMapping defaults() {
        return new ImportMapping(Map.of(), Map.of(), Map.of(), Map.of(), Set.of(), null);
    }

    /** The mapping in a properties file (UTF-8), or the defaults when {@code file} is null. */
    public static ImportMapping fromFile(java.nio.file.Path file) throws java.io.IOException {
        return file == null ? defaults()
                : parse(file.getFileName().toString(), java.nio.file.Files.readString(file, java.nio.charset.StandardCharsets.UTF_8));
    }

    public static ImportMapping parse(String name, String text) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(text.startsWith("\uFEFF") ? text.substring(1) : text));
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidInputException("Mappingfilen " + name + " kan ikke leses: " + e.getMessage(), Map.of("file", name));
        }
        Map<String, String> columns = new LinkedHashMap<>();
        Map<String, String> dimensions = new LinkedHashMap<>();
        Map<String, String> filters = new LinkedHashMap<>();
        Map<String, String> indicators = new LinkedHashMap<>();
        Set<String> ignored = Set.of();
        String source = null;
        for (String key : p.stringPropertyNames()) {
            String value = p.getProperty(key).trim();
            if (key.startsWith("column.") && COLUMN_ALIASES.containsKey(key.substring(7))) {
                columns.put(key.substring(7), value);
            } else if (key.matches("dimension\\.(region|year|indicator)")) {
                dimensions.put(key.substring(10), value);
            } else if (key.startsWith("filter.")) {
                filters.put(key.substring(7), value);
            } else if (key.startsWith("indicator.")) {
                indicators.put(key.substring(10), value);
            } else if (key.equals("ignore.regions")) {
                ignored = Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
            } else if (key.equals("source")) {
                source = value;
            } else {
                throw new InvalidInputException("Mappingfilen " + name + ": ukjent nøkkel '" + key + "'. Kjente nøkler: column.<"
                        + String.join("|", COLUMN_ALIASES.keySet()) + ">, dimension.<region|year|indicator>, filter.<dimensjon>,"
                        + " indicator.<kode>, ignore.regions, source", Map.of("file", name, "key", key));
            }
        }
        return new ImportMapping(columns, dimensions, filters, indicators, ignored, source);
    }

    /** The header names a field may have, the mapping's own name first. */
    List<String> columnNames(String field) {
        Optional<String> mapped = Optional.ofNullable(columns.get(field));
        return mapped.map(List::of).orElse(COLUMN_ALIASES.get(field));
    }

    String indicatorId(String code) {
        return indicators.getOrDefault(code, code);
    }

    String sourceOr(String fileName) {
        return source == null || source.isBlank() ? fileName : source;
    }

    private static Map<String, List<String>> columnAliases() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put("region", List.of("region", "kommune", "kommunenummer", "kommunenr", "region_code"));
        m.put("indicator", List.of("indicator", "indikator"));
        m.put("year", List.of("year", "år", "aar", "ar"));
        m.put("value", List.of("value", "verdi"));
        m.put("status", List.of("status"));
        m.put("note", List.of("note", "merknad"));
        m.put("group", List.of("group", "gruppe"));
        m.put("statistic", List.of("statistic", "statistikk"));
        return m;
    }

    static String normalise(String header) {
        return header == null ? "" : header.replace("\uFEFF", "").trim().toLowerCase(Locale.ROOT);
    }
}
