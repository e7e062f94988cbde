package no.kostra.workbook;

import java.util.Arrays;
import java.util.Optional;

/** The columns of a series table, by template header. Year headers are rewritten to the years filled. */
public enum SeriesColumn {
    ID("Id"),
    NAME("Indikator"),
    REGION("Region"),
    UNIT("Enhet"),
    YEAR_1("År 1"),
    YEAR_2("År 2"),
    YEAR_3("År 3"),
    REPORT_YEAR("Rapportår");

    /** Years shown in a series: the report year and the three before it. */
    public static final int YEARS_SHOWN = 4;

    private final String header;

    SeriesColumn(String header) {
        this.header = header;
    }

    public String header() {
        return header;
    }

    public Optional<Integer> yearsBack() {
        return switch (this) {
            case YEAR_1 -> Optional.of(3);
            case YEAR_2 -> Optional.of(2);
            case YEAR_3 -> Optional.of(1);
            case REPORT_YEAR -> Optional.of(0);
            default -> Optional.empty();
        };
    }

    static Optional<SeriesColumn> byHeader(String header) {
        return Arrays.stream(values()).filter(c -> c.header.equals(header)).findFirst();
    }
}
