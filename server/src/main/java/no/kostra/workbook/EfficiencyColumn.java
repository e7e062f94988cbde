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
}
