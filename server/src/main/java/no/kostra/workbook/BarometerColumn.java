package no.kostra.workbook;

/** The columns of a Kommunebarometeret table: per sector, the municipality and the ASSS members' places and grades. */
public enum BarometerColumn {
    ID("Id"),
    SECTOR("Sektor"),
    MUNICIPALITY("Kommune"),
    PLACE("Plass"),
    OF("Av"),
    GRADE("Karakter");

    private final String header;

    BarometerColumn(String header) {
        this.header = header;
    }

    public String header() {
        return header;
    }
}
