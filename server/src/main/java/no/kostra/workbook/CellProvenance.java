package no.kostra.workbook;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * Where one filled cell's content came from. A {@code data} cell holds a stored figure (indicator, region, year and,
 * for a group, the statistic); a {@code formula} cell holds a live formula and the value it was filled with; a
 * {@code comment} cell holds a service leader's comment (its text is the value).
 *
 * @param sheet     the sheet name at fill time
 * @param cell      the cell address at fill time (A1 style); rows may move later, so {@code table}, {@code column}
 *                  and {@code rowKey} find the cell again
 * @param column    the table column's header as written (year columns carry the year)
 * @param rowKey    the row's key in the table: the indicator id, or {@code indicator|region} in a series table
 * @param region    canonical region code, or a group code
 * @param year      the figure's year
 * @param statistic null for a municipality's own figure, else mean/high/low of the group
 * @param value     the number written, in canonical text (plain decimal, no exponent), or null when a status was
 * @param status    the status symbol written in place of a number, or null
 * @param formula   the formula written (formula cells only)
 */
public record CellProvenance(String sheet, String cell, String table, String column, String rowKey, Kind kind,
                             String indicator, String region, int year, String statistic, String value, String status,
                             String formula) {
    public enum Kind {
        DATA("data"), FORMULA("formula"), COMMENT("comment");

        private final String code;

        Kind(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        static Kind fromCode(String code) {
            for (Kind k : values()) {
                if (k.code.equals(code)) {
                    return k;
                }
            }
            throw new IllegalArgumentException("Unknown provenance kind '" + code + "': expected data or formula");
        }
    }

    public CellProvenance {
        Objects.requireNonNull(sheet, "sheet");
        Objects.requireNonNull(cell, "cell");
        Objects.requireNonNull(kind, "kind");
        if ((value == null) == (status == null)) {
            throw new IllegalArgumentException("Cell " + sheet + "!" + cell + " records a value or a status, not "
                    + (value == null ? "neither" : "both"));
        }
    }

    /** The canonical text of a number: 97.2, 1551770, 0.082 (never 9.72E1). */
    public static String canonical(double value) {
        BigDecimal d = BigDecimal.valueOf(value).stripTrailingZeros();
        return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
    }

    /** The fields in the order the provenance sheet stores and the signature covers them. */
    List<String> fields() {
        return java.util.Arrays.asList(sheet, cell, table, column, rowKey, kind.code(), indicator, region,
                Integer.toString(year), statistic, value, status, formula);
    }
}
