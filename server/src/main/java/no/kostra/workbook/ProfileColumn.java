package no.kostra.workbook;

import java.util.Arrays;
import java.util.Optional;

/**
 * The columns a profile or summary table may have, by the header the template gives them. A table holds any subset
 * in any order (plus columns of the analyst's own, which the filler leaves empty); the filler finds each by header.
 * The year headers are rewritten to the years filled ("2022", "2023", "2024").
 */
public enum ProfileColumn {
    ID("Id"),
    AREA("Tjenesteområde"),
    CATEGORY("Kategori"),
    NAME("Indikator"),
    UNIT("Enhet"),
    YEAR_1("År 1"),
    YEAR_2("År 2"),
    REPORT_YEAR("Rapportår"),
    MEAN("ASSS-snitt"),
    HIGH("Høyest ASSS"),
    LOW("Lavest ASSS"),
    INDEX("Indeks (ASSS = 100)"),
    DEVIATION("Avvik fra ASSS-snitt (%)"),
    CHANGE("Endring fra året før"),
    CHANGE_UNIT("Endring målt i"),
    /** The chart's municipality series: the index, with a missing figure as a gap in the chart (#N/A), not a bar. */
    CHART_INDEX("Kommunen (ASSS = 100)"),
    HIGH_INDEX("Høyest ASSS (ASSS = 100)"),
    LOW_INDEX("Lavest ASSS (ASSS = 100)"),
    NARRATIVE("Kommentar fra analysen"),
    COMMENT("Kommentar fra tjenesteleder");

    private final String header;

    ProfileColumn(String header) {
        this.header = header;
    }

    public String header() {
        return header;
    }

    /** How many years before the report year a year column shows, or empty for other columns. */
    public Optional<Integer> yearsBack() {
        return switch (this) {
            case YEAR_1 -> Optional.of(2);
            case YEAR_2 -> Optional.of(1);
            case REPORT_YEAR -> Optional.of(0);
            default -> Optional.empty();
        };
    }

    static Optional<ProfileColumn> byHeader(String header) {
        return Arrays.stream(values()).filter(c -> c.header.equals(header)).findFirst();
    }
}
