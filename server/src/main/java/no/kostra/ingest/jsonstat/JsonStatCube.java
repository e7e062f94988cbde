package no.kostra.ingest.jsonstat;

import java.util.List;
import java.util.Map;

/**
 * A JSON-stat 2.0 dataset whose shape has been checked: {@code id}, {@code size} and {@code dimension} agree, and every
 * cell number given is inside the cube. Cells are numbered row-major (the last dimension varies fastest).
 *
 * <p>What a cube costs follows the file's size, never the product of its sizes: the values of a sparse {@code value}
 * object are held, those of a {@code value} list are read again from the source as the cells are visited.
 */
public final class JsonStatCube {
    private final List<String> ids;
    private final List<List<String>> categories;
    private final int[] sizes;
    private final int[] strides;
    private final int cellCount;
    private final int[] cells;
    private final Values values;
    private final int[] statusCells;
    private final String[] statusSymbols;
    private final String statusForAll;
    private final Map<String, List<String>> roles;
    private final String updated;
    private final String source;

    /** What a cell holds, in ascending cell order. */
    @FunctionalInterface
    public interface CellVisitor {
        /**
         * @param value  {@code NaN} where the dataset has null
         * @param status the cell's status symbol, or null
         */
        void cell(int cell, double value, String status);
    }

    /** Receives values in the order the cells are given. */
    @FunctionalInterface
    interface ValueVisitor {
        /** @param index the value's place among those given; @param value {@code NaN} for null */
        void value(int index, double value);
    }

    /** The values the cells are given, visited in order: held in memory, or read again from the file. */
    @FunctionalInterface
    interface Values {
        void visit(ValueVisitor visitor);

        static Values held(double[] values) {
            return visitor -> {
                for (int i = 0; i < values.length; i++) {
                    visitor.value(i, values[i]);
                }
            };
        }
    }

    /**
     * Arrays are taken as they are (the parser built them for this cube and keeps no reference).
     *
     * @param cells         ascending cell numbers given (sparse), or null when every cell is, in order
     * @param values        per cell given, in the same order; {@code NaN} for null
     * @param statusCells   ascending cell numbers that carry a status symbol, with {@code statusSymbols} beside
     * @param statusForAll  the one status every cell carries, or null
     */
    JsonStatCube(List<String> ids, List<List<String>> categories, int[] cells, Values values,
                 int[] statusCells, String[] statusSymbols, String statusForAll, Map<String, List<String>> roles,
                 String updated, String source) {
        this.ids = List.copyOf(ids);
        this.categories = List.copyOf(categories);
        this.sizes = categories.stream().mapToInt(List::size).toArray();
        this.strides = new int[sizes.length];
        int stride = 1;
        for (int d = sizes.length - 1; d >= 0; d--) {
            strides[d] = stride;
            stride *= sizes[d];
        }
        this.cellCount = stride;
        this.cells = cells;
        this.values = values;
        this.statusCells = statusCells;
        this.statusSymbols = statusSymbols;
        this.statusForAll = statusForAll;
        this.roles = Map.copyOf(roles);
        this.updated = updated;
        this.source = source;
    }

    /** The dataset's {@code source} ("Statistisk sentralbyrå"), or null. */
    public String source() {
        return source;
    }

    public List<String> ids() {
        return ids;
    }

    /** Per dimension, the category codes in index order. */
    public List<List<String>> categories() {
        return categories;
    }

    /** The dataset's {@code role} (time, geo, metric → dimension ids), empty when absent. */
    public Map<String, List<String>> roles() {
        return roles;
    }

    /** The dataset's {@code updated} stamp, or null. */
    public String updated() {
        return updated;
    }

    /** The product of the sizes: every cell the cube has, given or not. */
    public int cellCount() {
        return cellCount;
    }

    public int dimension(String id) {
        return ids.indexOf(id);
    }

    /**
     * The dimension that plays {@code role} (time, geo, metric) when the dataset names exactly one, else the first of
     * {@code names} the dataset has (PxWebApi's usual ids), else -1.
     */
    public int dimensionFor(String role, List<String> names) {
        List<String> byRole = roles.getOrDefault(role, List.of());
        if (byRole.size() == 1 && dimension(byRole.get(0)) >= 0) {
            return dimension(byRole.get(0));
        }
        for (String name : names) {
            if (dimension(name) >= 0) {
                return dimension(name);
            }
        }
        return -1;
    }

    /** The category index of dimension {@code d} in cell {@code cell}. */
    public int coordinate(int cell, int d) {
        return cell / strides[d] % sizes[d];
    }

    /** Visits the cells the file gives (every cell of a dense cube, the named ones of a sparse one), in ascending order. */
    public void forEachCell(CellVisitor visitor) {
        int[] s = {0};
        values.visit((k, value) -> {
            int cell = cells == null ? k : cells[k];
            while (s[0] < statusCells.length && statusCells[s[0]] < cell) {
                s[0]++;
            }
            String status = s[0] < statusCells.length && statusCells[s[0]] == cell ? statusSymbols[s[0]] : statusForAll;
            visitor.cell(cell, value, status);
        });
    }
}
