package no.kostra.ingest;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.kostra.errors.InvalidInputException;
import no.kostra.ingest.jsonstat.JsonStatCube;
import no.kostra.observation.Figure;
import no.kostra.observation.Status;
import no.kostra.text.NorwegianList;

/**
 * Takes the figures out of a checked JSON-stat cube: one per cell the file gives (every cell of a {@code value} list,
 * the named cells of a sparse {@code value} object). The region, year and indicator dimensions come from the mapping,
 * else from the dataset's {@code role} (geo, time, metric), else from SSB's names (KOKkommuneregion0000/Region, Tid,
 * ContentsCode). Every other dimension must have one category or be fixed by a {@code filter.} in the mapping.
 */
final class JsonStatFigures {
    private static final List<String> REGION_NAMES = List.of("KOKkommuneregion0000", "Region", "region", "Kommune");
    private static final List<String> YEAR_NAMES = List.of("Tid", "Year", "year", "år");
    private static final List<String> INDICATOR_NAMES = List.of("ContentsCode", "Indicator", "indicator");

    private JsonStatFigures() {
    }

    static void collect(JsonStatCube cube, ImportMapping mapping, FigureCollector collector) {
        int region = dimension(cube, mapping, collector, "region", "geo", REGION_NAMES);
        int year = dimension(cube, mapping, collector, "year", "time", YEAR_NAMES);
        int indicator = dimension(cube, mapping, collector, "indicator", "metric", INDICATOR_NAMES);
        int dims = cube.ids().size();
        int[] sizes = cube.categories().stream().mapToInt(List::size).toArray();
        int[] fixed = new int[dims];
        for (int d = 0; d < dims; d++) {
            fixed[d] = -1;
            if (d == region || d == year || d == indicator) {
                continue;
            }
            String id = cube.ids().get(d);
            String chosen = mapping.filters().get(id);
            if (chosen != null) {
                fixed[d] = cube.categories().get(d).indexOf(chosen);
                if (fixed[d] < 0) {
                    throw collector.failAt("dimension." + id, "filter", "filteret " + id + "=" + chosen + " finnes ikke; kategoriene er "
                            + cube.categories().get(d));
                }
            } else if (sizes[d] != 1) {
                throw collector.failAt("dimension." + id, "dimension", "dimensjonen " + id + " har " + sizes[d]
                        + " kategorier; velg én med filter." + id + "=<kode> i mappingen");
            }
        }
        collector.locator((cell, field) -> "value[" + cell + "] (" + describe(cube, (int) cell) + ")");
        int[] coordinates = new int[dims];
        cube.forEachCell((cell, value, symbol) -> {
            for (int d = 0; d < dims; d++) {
                coordinates[d] = cube.coordinate(cell, d);
            }
            if (!selected(coordinates, fixed)) {
                return;
            }
            collector.observation(cell, cube.categories().get(region).get(coordinates[region]),
                    cube.categories().get(indicator).get(coordinates[indicator]),
                    cube.categories().get(year).get(coordinates[year]), figure(value, symbol, collector, cell));
        });
    }

    /**
     * A null is its status, or {@code ..} when it has none. A zero beside a status symbol is SSB's placeholder (it writes
     * 0 with {@code -}, nil), so the status is kept. Any other number beside a symbol is kept, and the symbol, which the
     * store cannot hold beside a number, is reported as a warning rather than silently dropped.
     */
    private static Figure figure(double value, String symbol, FigureCollector collector, int cell) {
        if (symbol == null) {
            return Double.isNaN(value) ? Figure.missing(Status.NOT_AVAILABLE) : Figure.of(value);
        }
        Optional<Status> status = Status.fromSymbol(symbol.trim());
        if (Double.isNaN(value)) {
            return Figure.missing(status.orElseThrow(() -> collector.fail(cell, "status", "ukjent statussymbol '" + symbol
                    + "' uten verdi; forventet . .. : eller -")));
        }
        if (value == 0 && status.isPresent()) {
            return Figure.missing(status.get());
        }
        collector.warn(cell, "status", "tallet " + FigureCollector.number(value) + " har " + (status.isPresent() ? "" : "det ukjente ")
                + "statussymbolet '" + symbol + "' ved siden av; tallet er lagret, symbolet ikke");
        return Figure.of(value);
    }

    private static boolean selected(int[] coordinates, int[] fixed) {
        for (int d = 0; d < fixed.length; d++) {
            if (fixed[d] >= 0 && coordinates[d] != fixed[d]) {
                return false;
            }
        }
        return true;
    }

    private static String describe(JsonStatCube cube, int cell) {
        StringBuilder s = new StringBuilder();
        for (int d = 0; d < cube.ids().size(); d++) {
            s.append(d == 0 ? "" : ", ").append(cube.ids().get(d)).append('=')
                    .append(cube.categories().get(d).get(cube.coordinate(cell, d)));
        }
        return s.toString();
    }

    private static int dimension(JsonStatCube cube, ImportMapping mapping, FigureCollector collector, String field,
                                 String role, List<String> names) {
        String mapped = mapping.dimensions().get(field);
        if (mapped != null) {
            int d = cube.dimension(mapped);
            if (d < 0) {
                throw collector.failAt("dimension", field, "mappingen sier dimension." + field + "=" + mapped
                        + ", men datasettet har bare " + NorwegianList.and(cube.ids()));
            }
            return d;
        }
        int d = cube.dimensionFor(role, names);
        if (d >= 0) {
            return d;
        }
        throw new InvalidInputException(collector.file() + " dimension: finner ikke dimensjonen for " + field + " blant "
                + NorwegianList.and(cube.ids()) + "; oppgi den med dimension." + field + "=<id> i mappingen",
                Map.of("file", collector.file(), "where", "dimension", "field", field));
    }
}
