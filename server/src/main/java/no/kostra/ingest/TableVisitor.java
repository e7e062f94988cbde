package no.kostra.ingest;

import java.util.List;

/** Receives a table row by row: the header first, then each data row. Cells are text as the file shows them. */
interface TableVisitor {
    /**
     * @param places says where a cell is, as the reader's format names places ("linje 7, kolonne value",
     *               "ark Data, celle D7 (value)")
     */
    void header(List<String> names, Places places);

    /** @param row the row's number as its format counts (a CSV line, an Excel row), for {@link Places} */
    void row(List<String> cells, long row);

    /** Names a cell for messages: its row, column index and the field the column maps to. */
    @FunctionalInterface
    interface Places {
        String describe(long row, int column, String field);
    }
}
