package no.kostra.compute.accounts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * An accounts table (004 "Tabell 1/2"): each line with its parent, its values by year, its share of the table's top
 * line ("Andel av brutto driftsutgifter", "Andel av samlede driftsinntekter") and its yearly growth in percent.
 */
public record AccountLines(String area, String table, List<Integer> years, List<Row> rows) {
    public AccountLines {
        years = List.copyOf(years);
        rows = List.copyOf(rows);
    }

    /**
     * @param root the top line whose share this line is (the line itself for a top line)
     */
    public record Row(String line, String parent, String root, int depth, List<Cell> values) {
        public Row {
            values = List.copyOf(values);
        }
    }

    /**
     * @param sharePercent  value / the root line's value that year × 100 (null for a top line)
     * @param growthPercent (value / last year's value − 1) × 100, or null for the first year
     */
    public record Cell(int year, double value, Double sharePercent, Double growthPercent) {
    }

    /** One stored line. */
    public record Line(String line, String parent, int year, double value) {
    }

    public static AccountLines compute(String area, String table, List<Line> lines) {
        Map<String, String> parents = new LinkedHashMap<>();
        Map<String, Map<Integer, Double>> values = new LinkedHashMap<>();
        TreeSet<Integer> years = new TreeSet<>();
        for (Line l : lines) {
            parents.putIfAbsent(l.line(), l.parent());
            values.computeIfAbsent(l.line(), k -> new LinkedHashMap<>()).put(l.year(), l.value());
            years.add(l.year());
        }
        List<Row> rows = new ArrayList<>();
        for (String line : values.keySet()) {
            String root = line;
            int depth = 0;
            while (parents.get(root) != null && values.containsKey(parents.get(root))) {
                root = parents.get(root);
                if (++depth > parents.size()) {
                    throw new IllegalArgumentException(table + ": the parents of '" + line + "' form a cycle");
                }
            }
            List<Cell> cells = new ArrayList<>();
            for (int year : years) {
                Double v = values.get(line).get(year);
                if (v == null) {
                    continue;
                }
                Double rootValue = values.get(root).get(year);
                Double share = depth == 0 || rootValue == null || rootValue == 0.0 ? null : v / rootValue * 100.0;
                Double before = values.get(line).get(year - 1);
                Double growth = before == null || before == 0.0 ? null : (v / before - 1.0) * 100.0;
                cells.add(new Cell(year, v, share, growth));
            }
            rows.add(new Row(line, parents.get(line), root, depth, cells));
        }
        return new AccountLines(area, table, List.copyOf(years), rows);
    }
}
