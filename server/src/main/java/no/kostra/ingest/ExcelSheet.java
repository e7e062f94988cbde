package no.kostra.ingest;

import no.kostra.compute.NorwegianFormat;
import org.apache.poi.ss.SpreadsheetVersion;

/**
 * What an Excel sheet holds. Tables are refused beyond it: such a file could not have come from Excel, and its
 * figures could not go back into one.
 */
final class ExcelSheet {
    /** 1 048 576 rows, the header one of them. */
    static final int MAX_ROWS = SpreadsheetVersion.EXCEL2007.getMaxRows();

    static final String TOO_MANY_ROWS = "filen har flere rader enn et Excel-ark har plass til (høyst "
            + NorwegianFormat.number(MAX_ROWS, 0) + ", overskriften medregnet); del den i flere filer";

    private ExcelSheet() {
    }
}
