package no.kostra.workbook;

/** The columns of an efficiency table: for each year, cost and production relative to ASSS and the efficiency. */
public enum EfficiencyColumn {
    YEAR("År"),
    COST("Kostnad (% over ASSS)"),
    PRODUCTION("Produksjon (% over ASSS)"),
    EFFICIENCY("Effektivitet (%)");

    private final String header;

    EfficiencyColumn(String header) {
        this.header = header;
    }

    public String header() {
        return header;
    }

    /** A ratio to ASSS (1 = the mean) as percent over (+) or under (−) it, to six decimals: 0.9979 → −0.21. */
    public static double percentOver(double ratioToAsss) {
        return Math.round((ratioToAsss - 1.0) * 100.0 * 1e6) / 1e6;
    }
}
