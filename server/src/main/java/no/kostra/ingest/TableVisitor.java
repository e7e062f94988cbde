package no.kostra.ingest;

import java.util.List;

/** Receives a table row by row: the header first, then each data row. Cells are text as the file shows them. */
interface TableVisitor {
    void header(List<String> names);

    /**
     * @param place says where a cell is, as the reader's format names places ("linje 7, kolonne value",
     *              "ark Data, celle D7 (value)")
     */
    void row(List<String> cells, Place place);

    /** Names a cell for messages: column index and the field the column maps to. */
    @FunctionalInterface
    interface Place {
        String describe(int column, String field);
    }
}
