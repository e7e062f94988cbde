package no.kostra.ingest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import no.kostra.errors.InvalidInputException;
import no.kostra.ingest.ssb.TableShape;

/**
 * {@code statbank_tables.csv}: the catalogue's shape of each StatBank table its sources name, a row per variable in the
 * table's order ({@code table,variable,eliminable,codes,comparison_groups,status,evidence}). {@code codes} lists a
 * variable's codes joined by {@code +} where the catalogue knows them (needed where a source asks {@code *} of a
 * variable others name codes of, as 07459's ages); {@code comparison_groups} is set on the region variable's row only.
 * Loaded with the seeds, or imported as a catalogue table ({@code import FILE --format catalog}), which adds or replaces
 * the shapes of the tables it holds.
 */
public final class TableShapeTable {
    public static final String FILE = "statbank_tables.csv";
    private static final Set<String> COLUMNS = Set.of("table", "variable", "eliminable", "codes", "comparison_groups",
            "status", "evidence");

    private TableShapeTable() {
    }

    /** Whether a catalogue file is this table (told by its header, as the other catalogue tables are). */
    public static boolean isShapeTable(byte[] bytes) {
        return CsvTable.headerHas(bytes, COLUMNS);
    }

    /** An uploaded file's shapes; a bad line is refused naming the file, line and column. */
    public static List<TableShape> parse(String file, byte[] bytes) {
        try {
            return parse(file, CsvFigureReader.decode(bytes));
        } catch (IllegalStateException e) {
            throw new InvalidInputException(e.getMessage(), Map.of("file", file));
        }
    }

    /** The seed file's shapes. */
    static List<TableShape> parse(String text) {
        return parse(FILE, text);
    }

    private static List<TableShape> parse(String file, String text) {
        Map<String, List<TableShape.Variable>> variables = new LinkedHashMap<>();
        Map<String, Boolean> groups = new LinkedHashMap<>();
        for (CsvTable.Row row : CsvTable.parse(file, text, COLUMNS).rows()) {
            String table = row.required("table");
            String variable = row.required("variable");
            String codes = row.text("codes");
            variables.computeIfAbsent(table, k -> new ArrayList<>()).add(new TableShape.Variable(variable,
                    row.bool("eliminable"), codes.isEmpty() ? List.of() : List.of(codes.split("\\+(?=[^+])"))));
            boolean region = TableShape.isRegionVariable(variable);
            if (region != !row.text("comparison_groups").isEmpty()) {
                throw new IllegalStateException(row.where("comparison_groups") + ": " + (region
                        ? "regionvariabelen " + variable + " må si true eller false" : "bare regionvariabelen har en verdi her"));
            }
            if (region && groups.put(table, row.bool("comparison_groups")) != null) {
                throw new IllegalStateException(row.where("variable") + ": tabell " + table + " har to regionvariabler");
            }
            String status = row.required("status").toLowerCase(Locale.ROOT);
            if (!status.equals("verified") && !status.equals("unverified")) {
                throw new IllegalStateException(row.where("status") + ": forventet verified eller unverified, fant '"
                        + row.text("status") + "'");
            }
            if (row.text("evidence").isEmpty()) {
                throw new IllegalStateException(row.where("evidence") + ": si hvor tabellens variabler er lest");
            }
        }
        List<TableShape> shapes = new ArrayList<>();
        variables.forEach((table, list) -> {
            if (!groups.containsKey(table)) {
                throw new IllegalStateException(file + ": tabell " + table + " mangler regionvariabelen (Region eller KOKkommuneregion0000)");
            }
            try {
                shapes.add(new TableShape(table, list, groups.get(table)));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(file + ": " + e.getMessage(), e);
            }
        });
        return shapes;
    }
}
