package no.kostra.workbook;

import java.util.Optional;

/**
 * The columns of the summary's overview table, one row per service area, by the header the template gives them. A
 * header naming "rapportåret" or "året før" is rewritten to the year filled ("Kostnad 2024 (% over ASSS)").
 */
public enum OverviewColumn {
    ID("Id"),
    AREA("Tjenesteområde"),
    RESOURCE_USE("Ressursbruksindikator"),
    RESOURCE_MEAN("ASSS-snitt"),
    RESOURCE_DEVIATION("Avvik fra ASSS-snitt (%)"),
    ASSS_PLACE("Plass i ASSS (1 = høyest)"),
    COST("Kostnad rapportåret (% over ASSS)"),
    PRODUCTION("Produksjon rapportåret (% over ASSS)"),
    EFFICIENCY("Effektivitet rapportåret (%)"),
    BASE_COST("Kostnad året før (% over ASSS)"),
    BASE_PRODUCTION("Produksjon året før (% over ASSS)"),
    BASE_EFFICIENCY("Effektivitet året før (%)"),
    BAROMETER("Kommunebarometeret"),
    GRADE("Karakter");

    private static final String REPORT_YEAR = "rapportåret";
    private static final String YEAR_BEFORE = "året før";

    private final String header;

    OverviewColumn(String header) {
        this.header = header;
    }

    public String header() {
        return header;
    }

    /** The header as filled for the report year, when it names a year. */
    Optional<String> headerFor(int year) {
        if (header.contains(REPORT_YEAR)) {
            return Optional.of(header.replace(REPORT_YEAR, Integer.toString(year)));
        }
        return header.contains(YEAR_BEFORE) ? Optional.of(header.replace(YEAR_BEFORE, Integer.toString(year - 1))) : Optional.empty();
    }
}
