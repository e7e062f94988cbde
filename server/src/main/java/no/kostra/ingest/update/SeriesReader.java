package no.kostra.ingest.update;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import no.kostra.catalog.IndicatorSource;
import no.kostra.errors.InvalidInputException;
import no.kostra.ingest.jsonstat.JsonStatCube;
import no.kostra.observation.Figure;
import no.kostra.observation.Status;

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

    /** series → region code (as SSB wrote it) → year → figure */
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
        int[] years = new int[cube.sizes()[year]];
        for (int y = 0; y < years.length; y++) {
            String text = cube.categories().get(year).get(y);
            try {
                years[y] = Integer.parseInt(text.trim());
            } catch (NumberFormatException e) {
                throw fail(piece, "Tid", "forventet et årstall, fant '" + text + "'");
            }
        }
        int regionCount = cube.sizes()[region];
        for (Map.Entry<SeriesId, IndicatorSource> entry : series.entrySet()) {
            IndicatorSource source = entry.getValue();
            int wanted = cube.categories().get(contents).indexOf(source.contents());
            if (wanted < 0) {
                continue; // a piece split along contents codes holds only some of them
            }
            boolean[][] selected = new boolean[dims][];
            for (int d = 0; d < dims; d++) {
                if (d == region || d == year) {
                    continue;
                }
                selected[d] = d == contents ? only(cube.sizes()[d], wanted) : categories(piece, cube, d, source);
            }
            Sum[] sums = new Sum[regionCount * years.length];
            int[] at = new int[dims];
            for (int cell = 0; cell < cube.cellCount(); cell++) {
                if (cell > 0) {
                    advance(at, cube.sizes());
                }
                if (chosen(at, selected)) {
                    int slot = at[region] * years.length + at[year];
                    Sum sum = sums[slot] == null ? sums[slot] = new Sum() : sums[slot];
                    sum.add(piece, cube, cell);
                }
            }
            for (int r = 0; r < regionCount; r++) {
                for (int y = 0; y < years.length; y++) {
                    Sum sum = sums[r * years.length + y];
                    if (sum != null) {
                        into.put(entry.getKey(), cube.categories().get(region).get(r), years[y], sum.figure());
                    }
                }
            }
        }
    }

    private static final class Sum {
        double value;
        Status status;
        boolean anyPart;
        boolean allNil = true;

        void add(String piece, JsonStatCube cube, int cell) {
            anyPart = true;
            String symbol = cube.statuses().get(cell);
            double v = cube.values()[cell];
            Status s = null;
            if (symbol != null) {
                s = Status.fromSymbol(symbol.trim()).orElse(null);
                if (s == null && Double.isNaN(v)) {
                    throw fail(piece, "status", "ukjent statussymbol '" + symbol + "' uten verdi i celle " + cell
                            + "; forventet . .. : eller -");
                }
            } else if (Double.isNaN(v)) {
                s = Status.NOT_AVAILABLE;
            }
            if (s == Status.NIL) {
                return;
            }
            allNil = false;
            if (s != null) {
                status = status == null ? s : status;
            } else {
                value += v;
            }
        }

        Figure figure() {
            if (allNil) {
                return Figure.missing(Status.NIL);
            }
            return status != null ? Figure.missing(status) : Figure.of(value);
        }
    }

    private static boolean[] only(int size, int index) {
        boolean[] mask = new boolean[size];
        mask[index] = true;
        return mask;
    }

    private static boolean[] categories(String piece, JsonStatCube cube, int d, IndicatorSource source) {
        String id = cube.ids().get(d);
        List<String> codes = source.filters().get(id);
        boolean[] mask = new boolean[cube.sizes()[d]];
        if (codes == null) {
            if (mask.length != 1) {
                throw fail(piece, id, "dimensjonen " + id + " har " + mask.length + " kategorier, men kilden til "
                        + source.indicator() + " velger ingen; skriv " + id + "=<kode> i filters i indicator_sources.csv");
            }
            mask[0] = true;
            return mask;
        }
        if (codes.contains(IndicatorSource.ALL)) {
            Arrays.fill(mask, true);
            return mask;
        }
        for (String code : codes) {
            int i = cube.categories().get(d).indexOf(code);
            if (i < 0) {
                throw fail(piece, id, "kategorien " + code + " som kilden til " + source.indicator() + " ber om, finnes ikke i "
                        + id + "; kategoriene er " + cube.categories().get(d));
            }
            mask[i] = true;
        }
        return mask;
    }

    private static boolean chosen(int[] at, boolean[][] selected) {
        for (int d = 0; d < at.length; d++) {
            if (selected[d] != null && !selected[d][at[d]]) {
                return false;
            }
        }
        return true;
    }

    /** Row-major order: the last dimension turns fastest. */
    private static void advance(int[] at, int[] sizes) {
        for (int d = at.length - 1; d >= 0; d--) {
            if (++at[d] < sizes[d]) {
                return;
            }
            at[d] = 0;
        }
    }

    private static int dimension(String piece, JsonStatCube cube, String role, List<String> names, String what) {
        List<String> byRole = cube.roles().getOrDefault(role, List.of());
        if (byRole.size() == 1 && cube.dimension(byRole.get(0)) >= 0) {
            return cube.dimension(byRole.get(0));
        }
        for (String name : names) {
            if (cube.dimension(name) >= 0) {
                return cube.dimension(name);
            }
        }
        throw fail(piece, "dimension", "finner ikke dimensjonen for " + what + " blant " + cube.ids());
    }

    private static InvalidInputException fail(String piece, String field, String problem) {
        return new InvalidInputException(piece + ": " + problem, Map.of("file", piece, "field", field));
    }
}
