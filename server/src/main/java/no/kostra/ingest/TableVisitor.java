package no.kostra.ingest;

import java.util.List;
import no.kostra.errors.InvalidInputException;

/** Receives a table row by row: the header first, then each data row. Cells are text as the file shows them. */
interface TableVisitor {
    /**
     * @param places says where a cell is, as the reader's format names places ("linje 7, kolonne value",
     *               "ark Data, celle D7 (value)")
     */
    void header(List<String> names, Places places);

    /** @param row the row's number as its format counts (a CSV line, an Excel row), for {@link Places} */
    void row(List<String> cells, long row);

    /**
     * A row the reader could not make cells of (the wrong number of fields). A visitor that checks every row before
     * refusing the file records it and reading goes on; by default the file is refused here.
     */
    default void refuse(InvalidInputException problem) {
        throw problem;
    }

    /** Names a cell for messages: its row, column index and the field the column maps to. */
    @FunctionalInterface
    interface Places {
        String describe(long row, int column, String field);
    }
}
