package no.kostra.ingest.jsonstat;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A JSON-stat 2.0 dataset whose shape has been checked: {@code ids} and {@code sizes} agree, each dimension has as
 * many categories as its size, and there is one value slot per cell. Values are row-major (the last dimension
 * varies fastest). Immutable by contract: the arrays are not copied, so callers must not change them.
 *
 * @param categories per dimension, the category codes in index order
 * @param values     one per cell; {@code NaN} where the dataset has null
 * @param statuses   cell index → status symbol, only for cells that carry one
 * @param roles      the dataset's {@code role} (time, geo, metric → dimension ids), empty when absent
 * @param updated    the dataset's {@code updated} stamp, or null
 */
public record JsonStatCube(List<String> ids, int[] sizes, List<List<String>> categories, double[] values,
                           Map<Integer, String> statuses, Map<String, List<String>> roles, String updated) {
    public JsonStatCube {
        ids = List.copyOf(ids);
        categories = List.copyOf(categories);
        Objects.requireNonNull(values, "values");
        statuses = Map.copyOf(statuses);
        roles = Map.copyOf(roles);
    }

    public int cellCount() {
        return values.length;
    }

    public int dimension(String id) {
        return ids.indexOf(id);
    }

    /** The category index of dimension {@code d} in cell {@code cell}. */
    public int coordinate(int cell, int d) {
        int stride = 1;
        for (int i = sizes.length - 1; i > d; i--) {
            stride *= sizes[i];
        }
        return (cell / stride) % sizes[d];
    }
}
