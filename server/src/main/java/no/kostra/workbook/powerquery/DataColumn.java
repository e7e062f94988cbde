package no.kostra.workbook.powerquery;

import java.util.Objects;

/**
 * One column of a data table.
 *
 * @param name   the stable name the data route answers it under: the template's header ("År 1", "Rapportår"), so a
 *               query written against the route keeps working from one report year to the next
 * @param header the header a filled workbook shows it under for the year asked ("2022", "2024"); equal to
 *               {@code name} for every column but the year columns
 */
public record DataColumn(String name, String header, Kind kind) {
    /** What a column holds, and so whether a workbook's query loads it into the table. */
    public enum Kind {
        /** Text: ids, names, units, the analysis' narrative. */
        TEXT("text"),
        /** A stored figure: a number, or the SSB status symbol ({@code ..}, {@code .}, {@code :}, {@code -}) in its place. */
        FIGURE("figure"),
        /** Always a number, or empty. */
        NUMBER("number"),
        /** Computed by the service; a filled workbook holds a live formula in its place, so its query leaves it be. */
        COMPUTED("computed"),
        /** A service leader's comment; in a workbook the column people write in, which a refresh must never overwrite. */
        COMMENT("comment");

        private final String code;

        Kind(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        /** Whether a refreshable workbook's query loads this column into its table. */
        public boolean loaded() {
            return this == TEXT || this == FIGURE || this == NUMBER;
        }
    }

    public DataColumn {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(kind, "kind");
    }

    static DataColumn of(String name, Kind kind) {
        return new DataColumn(name, name, kind);
    }
}
