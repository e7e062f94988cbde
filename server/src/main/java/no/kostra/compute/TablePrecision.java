package no.kostra.compute;

/**
 * How many decimals the report tables show a computed figure with. A sentence tells a figure as its table shows it,
 * so the tables' number formats and the narrative both take their precision from here.
 */
public final class TablePrecision {
    /**
     * An index, a deviation from a mean or a change a table computes: a profile table's Indeks, Avvik and Endring columns
     * ("-2,8", "17,8", "1,5"), and any sentence's percent over a mean or change, in a table or not.
     */
    public static final int DERIVED = 1;
    /** An efficiency table's cost and production columns, in percent over ASSS: the reports quote "0,21 prosent lavere". */
    public static final int EFFICIENCY_LEVEL = 2;
    /** An efficiency table's efficiency column, in percent over ASSS: "−8,2". */
    public static final int EFFICIENCY = 1;

    private TablePrecision() {
    }
}
