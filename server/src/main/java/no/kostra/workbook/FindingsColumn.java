package no.kostra.workbook;

/** The columns of the summary's findings table: three sentences per service area. */
public enum FindingsColumn {
    ID("Id"),
    AREA("Tjenesteområde"),
    FINDING("Funn");

    private final String header;

    FindingsColumn(String header) {
        this.header = header;
    }

    public String header() {
        return header;
    }
}
