package no.kostra.workbook.roundtrip;

import org.apache.poi.ss.SpreadsheetVersion;

/** A cell's place on its sheet, row and column counted from 0, read strictly from an A1 address such as "G37". */
record CellAddress(int row, int column) {
    private static final int MAX_ROWS = SpreadsheetVersion.EXCEL2007.getMaxRows();
    private static final int MAX_COLUMNS = SpreadsheetVersion.EXCEL2007.getMaxColumns();

    /** The address, or null when the text is none inside Excel's grid (1 048 576 rows, columns A to XFD). */
    static CellAddress parse(String a1) {
        if (a1 == null) {
            return null;
        }
        int i = 0;
        int column = 0;
        while (i < a1.length() && i < 4 && a1.charAt(i) >= 'A' && a1.charAt(i) <= 'Z') {
            column = column * 26 + (a1.charAt(i++) - 'A' + 1);
        }
        int letters = i;
        long row = 0;
        while (i < a1.length() && i - letters < 8 && a1.charAt(i) >= '0' && a1.charAt(i) <= '9') {
            row = row * 10 + (a1.charAt(i++) - '0');
        }
        if (letters == 0 || i == letters || i != a1.length() || column > MAX_COLUMNS || row < 1 || row > MAX_ROWS) {
            return null;
        }
        return new CellAddress((int) row - 1, column - 1);
    }

    /** A range's two corners ("A36:R53"; a single cell is both), or null when it is none. */
    static CellAddress[] parseRange(String ref) {
        if (ref == null) {
            return null;
        }
        int colon = ref.indexOf(':');
        CellAddress first = parse(colon < 0 ? ref : ref.substring(0, colon));
        CellAddress last = colon < 0 ? first : parse(ref.substring(colon + 1));
        if (first == null || last == null || last.row < first.row || last.column < first.column) {
            return null;
        }
        return new CellAddress[] {first, last};
    }

    static String format(int row, int column) {
        StringBuilder letters = new StringBuilder();
        for (int c = column + 1; c > 0; c = (c - 1) / 26) {
            letters.insert(0, (char) ('A' + (c - 1) % 26));
        }
        return letters.toString() + (row + 1);
    }

    @Override
    public String toString() {
        return format(row, column);
    }
}
