package no.kostra.workbook.powerquery;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.util.CellReference;

/**
 * A table column whose every data cell holds the same formula relative to its row (index = value / mean × 100 in each
 * row) as one calculated column formula in the table's own references ({@code Profil_KHT[[#This Row],[2024]]}), so
 * Excel writes it into rows a refresh adds. Pure.
 */
final class CalculatedColumns {
    private static final Pattern REFERENCE = Pattern.compile("\\$?([A-Z]{1,3})\\$?([0-9]{1,7})");

    private CalculatedColumns() {
    }

    /**
     * @param headers  the table's headers by sheet column
     * @param formulas each data row's formula in the column, top to bottom (null for a cell without one)
     * @return the column's formula, or empty when a cell has none, the cells differ, or a reference leaves its row or
     *         the table (then the cells keep their own formulas and added rows get none)
     */
    static Optional<String> of(String table, Map<Integer, String> headers, List<String> formulas, int firstRow) {
        String common = null;
        for (int i = 0; i < formulas.size(); i++) {
            if (formulas.get(i) == null) {
                return Optional.empty();
            }
            Optional<String> structured = structured(formulas.get(i), firstRow + i, table, headers);
            if (structured.isEmpty() || common != null && !common.equals(structured.get())) {
                return Optional.empty();
            }
            common = structured.get();
        }
        return Optional.ofNullable(common);
    }

    /** The formula with every reference to a cell of its own row written as the table's this-row reference. */
    static Optional<String> structured(String formula, int row, String table, Map<Integer, String> headers) {
        StringBuilder out = new StringBuilder();
        Matcher reference = REFERENCE.matcher(formula);
        boolean inText = false;
        int i = 0;
        while (i < formula.length()) {
            char c = formula.charAt(i);
            if (c == '"') {
                inText = !inText; // a doubled quote inside text toggles twice
            } else if (!inText && startsReference(formula, i) && reference.region(i, formula.length()).lookingAt()
                    && !continues(formula, reference.end())) {
                int column = CellReference.convertColStringToIndex(reference.group(1));
                if (Integer.parseInt(reference.group(2)) != row + 1 || !headers.containsKey(column)) {
                    return Optional.empty();
                }
                out.append(table).append("[[#This Row],[").append(escaped(headers.get(column))).append("]]");
                i = reference.end();
                continue;
            }
            out.append(c);
            i++;
        }
        return Optional.of(out.toString());
    }

    /** A reference starts where no name, number, sheet or range goes on from before. */
    private static boolean startsReference(String formula, int i) {
        if (i == 0) {
            return true;
        }
        char before = formula.charAt(i - 1);
        return !Character.isLetterOrDigit(before) && "_.!:'$".indexOf(before) < 0;
    }

    /** A function name (LOG10(), a longer name or a range goes on after what looked like a reference. */
    private static boolean continues(String formula, int end) {
        if (end >= formula.length()) {
            return false;
        }
        char after = formula.charAt(end);
        return Character.isLetterOrDigit(after) || "_(!:".indexOf(after) >= 0;
    }

    /** A header inside a structured reference: ' [ ] and # are escaped with '. */
    private static String escaped(String header) {
        return header.replaceAll("(['\\[\\]#])", "'$1");
    }
}
