package no.kostra.ingest.update;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.kostra.catalog.IndicatorSource;
import no.kostra.catalog.RegionCodes;
import no.kostra.errors.InvalidInputException;
import no.kostra.ingest.jsonstat.JsonStatCube;
import no.kostra.observation.Figure;
import no.kostra.observation.Status;
import no.kostra.text.NorwegianList;

/**
 * Reads the series an update asked for out of one fetched JSON-stat piece: for each region and year, the cell of the
 * series' contents code and categories, or the sum of the cells of the categories a filter lists. A cell's status wins
 * over its value, and a null without one is {@code ..}, as in every import. In a sum, {@code -} (nil) counts as 0 unless
 * every part is nil; any other status makes the sum missing with that status (the first met).
 */
final class SeriesReader {
    private static final List<String> REGION_NAMES = List.of("KOKkommuneregion0000", "Region");
    private static final List<String> YEAR_NAMES = List.of("Tid");
    private static final List<String> CONTENTS_NAMES = List.of("ContentsCode");

    private SeriesReader() {
    }

    /** series → region code (as SSB wrote it, K-3024 as 3024) → year → figure */
    static final class Values {
        private final Map<SeriesId, Map<String, Map<Integer, Figure>>> values = new LinkedHashMap<>();

        Map<String, Map<Integer, Figure>> of(SeriesId series) {
            return values.getOrDefault(series, Map.of());
        }

        void put(SeriesId series, String region, int year, Figure figure) {
            values.computeIfAbsent(series, k -> new LinkedHashMap<>()).computeIfAbsent(region, k -> new LinkedHashMap<>())
                    .put(year, figure);
        }
    }

    static void read(String piece, JsonStatCube cube, Map<SeriesId, IndicatorSource> series, Values into) {
        int region = dimension(piece, cube, "geo", REGION_NAMES, "region");
        int year = dimension(piece, cube, "time", YEAR_NAMES, "år");
        int contents = dimension(piece, cube, "metric", CONTENTS_NAMES, "statistikkvariabel");
        int dims = cube.ids().size();
        int[] years = new int[size(cube, year)];
        for (int y = 0; y < years.length; y++) {
            String text = cube.categories().get(year).get(y);
            try {
                years[y] = Integer.parseInt(text.trim());
            } catch (NumberFormatException e) {
                throw fail(piece, "Tid", "forventet et årstall, fant '" + text + "'");
            }
        }
        int regionCount = size(cube, region);
        List<Wanted> wanted = new ArrayList<>();
        for (Map.Entry<SeriesId, IndicatorSource> entry : series.entrySet()) {
            IndicatorSource source = entry.getValue();
            int contentsIndex = cube.categories().get(contents).indexOf(source.contents());
            if (contentsIndex < 0) {
                continue; // a piece split along contents codes holds only some of them
            }
            source.filters().forEach((dimension, codes) -> {
                if (cube.dimension(dimension) < 0 && !codes.contains(IndicatorSource.ALL)) {
                    throw fail(piece, dimension, "svaret har ikke dimensjonen " + dimension + " som kilden til " + source.indicator()
                            + " velger " + NorwegianList.and(codes) + " i; dimensjonene er " + NorwegianList.and(cube.ids()));
                }
            }); // a dimension summed whole (*) may be missing: StatBank eliminated it and answered the total
            List<Integer> narrowed = new ArrayList<>();
            List<boolean[]> chosen = new ArrayList<>();
            for (int d = 0; d < dims; d++) {
                if (d == region || d == year) {
                    continue; // every category
                }
                boolean[] categories = new boolean[size(cube, d)];
                for (int k : d == contents ? new int[] {contentsIndex} : categories(piece, cube, d, source)) {
                    categories[k] = true;
                }
                narrowed.add(d);
                chosen.add(categories);
            }
            wanted.add(new Wanted(entry.getKey(), narrowed.stream().mapToInt(Integer::intValue).toArray(),
                    chosen.toArray(new boolean[0][]), new Sums(regionCount * years.length)));
        }
        if (wanted.isEmpty()) {
            return;
        }
        // Which series each combination of the other dimensions' categories feeds (12367: 87 of function, art …),
        // worked out once; then one pass over the cells the piece gives (a sparse piece names only some).
        int[] others = java.util.stream.IntStream.range(0, dims).filter(d -> d != region && d != year).toArray();
        int[] weight = new int[dims];
        int combinations = 1;
        for (int i = others.length - 1; i >= 0; i--) {
            weight[others[i]] = combinations;
            combinations *= size(cube, others[i]);
        }
        int[][] feeds = new int[combinations][];
        int[] at = new int[dims];
        for (int combination = 0; combination < combinations; combination++) {
            for (int d : others) {
                at[d] = combination / weight[d] % size(cube, d);
            }
            feeds[combination] = java.util.stream.IntStream.range(0, wanted.size()).filter(w -> wanted.get(w).chooses(at)).toArray();
        }
        cube.forEachCell((cell, value, symbol) -> {
            Status status = symbol == null ? null : status(piece, symbol, value, cell);
            int combination = 0;
            for (int d : others) {
                combination += cube.coordinate(cell, d) * weight[d];
            }
            int slot = cube.coordinate(cell, region) * years.length + cube.coordinate(cell, year);
            for (int w : feeds[combination]) {
                wanted.get(w).sums.add(slot, value, status);
            }
        });
        // A municipality named as agg_KommSummer names it (K-3024) is the number's series: stored and joined under 3024.
        String[] regions = cube.categories().get(region).stream().map(RegionCodes::plain).toArray(String[]::new);
        for (Wanted w : wanted) {
            for (int r = 0; r < regionCount; r++) {
                for (int y = 0; y < years.length; y++) {
                    Figure figure = w.sums.figure(r * years.length + y);
                    if (figure != null) {
                        into.put(w.series, regions[r], years[y], figure);
                    }
                }
            }
        }
    }

    /**
     * One series read from a piece: the dimensions it chooses categories in (all but region and year), the categories
     * chosen in each, and its sums so far.
     */
    private record Wanted(SeriesId series, int[] dimensions, boolean[][] chosen, Sums sums) {
        boolean chooses(int[] coordinates) {
            for (int i = 0; i < dimensions.length; i++) {
                if (!chosen[i][coordinates[dimensions[i]]]) {
                    return false;
                }
            }
            return true;
        }
    }

    private static int size(JsonStatCube cube, int d) {
        return cube.categories().get(d).size();
    }

    /** The status a cell's symbol stands for; a symbol that is none of SSB's, on a cell without a value, is refused. */
    private static Status status(String piece, String symbol, double value, int cell) {
        Status s = Status.fromSymbol(symbol.trim()).orElse(null);
        if (s == null && Double.isNaN(value)) {
            throw fail(piece, "status", "ukjent statussymbol '" + symbol + "' uten verdi i celle " + cell
                    + "; forventet . .. : eller -");
        }
        return s;
    }

    /** Per region and year: the sum of the parts, or the first status that is not nil (nil counts as 0). */
    private static final class Sums {
        private static final byte EMPTY = 0;
        private static final byte NIL_ONLY = 1;
        private static final byte VALUE = 2;
        private static final byte MISSING = 3;
        final double[] value;
        final byte[] state;
        final Status[] status;

        Sums(int slots) {
            value = new double[slots];
            state = new byte[slots];
            status = new Status[slots];
        }

        void add(int slot, double v, Status s) {
            if (s == null && Double.isNaN(v)) {
                s = Status.NOT_AVAILABLE;
            }
            if (s == Status.NIL) {
                state[slot] = state[slot] == EMPTY ? NIL_ONLY : state[slot];
                return;
            }
            if (s != null) {
                if (state[slot] != MISSING) {
                    state[slot] = MISSING;
                    status[slot] = s;
                }
                return;
            }
            value[slot] += v;
            state[slot] = state[slot] == MISSING ? MISSING : VALUE;
        }

        Figure figure(int slot) {
            return switch (state[slot]) {
                case EMPTY -> null;
                case NIL_ONLY -> Figure.missing(Status.NIL);
                case MISSING -> Figure.missing(status[slot]);
                default -> Figure.of(value[slot]);
            };
        }
    }

    /** The category indices a source chooses in dimension {@code d}. */
    private static int[] categories(String piece, JsonStatCube cube, int d, IndicatorSource source) {
        String id = cube.ids().get(d);
        List<String> codes = source.filters().get(id);
        int size = size(cube, d);
        if (codes == null) {
            if (size != 1) {
                throw fail(piece, id, "dimensjonen " + id + " har " + size + " kategorier, men kilden til "
                        + source.indicator() + " velger ingen; skriv " + id + "=<kode> i filters i indicator_sources.csv");
            }
            return new int[] {0};
        }
        if (codes.contains(IndicatorSource.ALL)) {
            return java.util.stream.IntStream.range(0, size).toArray();
        }
        int[] chosen = new int[codes.size()];
        for (int k = 0; k < codes.size(); k++) {
            chosen[k] = cube.categories().get(d).indexOf(codes.get(k));
            if (chosen[k] < 0) {
                throw fail(piece, id, "kategorien " + codes.get(k) + " som kilden til " + source.indicator() + " ber om, finnes ikke i "
                        + id + "; kategoriene er " + NorwegianList.and(cube.categories().get(d)));
            }
        }
        return chosen;
    }

    private static int dimension(String piece, JsonStatCube cube, String role, List<String> names, String what) {
        int d = cube.dimensionFor(role, names);
        if (d < 0) {
            throw fail(piece, "dimension", "finner ikke dimensjonen for " + what + " blant " + NorwegianList.and(cube.ids()));
        }
        return d;
    }

    private static InvalidInputException fail(String piece, String field, String problem) {
        return new InvalidInputException(piece + ": " + problem, Map.of("file", piece, "field", field));
    }
}
