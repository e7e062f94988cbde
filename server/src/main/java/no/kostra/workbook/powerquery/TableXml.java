package no.kostra.workbook.powerquery;

import java.util.List;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellReference;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** A table part (ListObject) in its DOM: its range, its columns, and what turns it into a query table. */
final class TableXml {
    private final Document document;
    private final Element table;

    TableXml(Document document) {
        this.document = document;
        this.table = document.getDocumentElement();
    }

    Document document() {
        return document;
    }

    String name() {
        return table.getAttribute("name");
    }

    AreaReference area() {
        return new AreaReference(table.getAttribute("ref"), SpreadsheetVersion.EXCEL2007);
    }

    int headerRow() {
        return area().getFirstCell().getRow();
    }

    int lastRow() {
        return area().getLastCell().getRow();
    }

    int firstColumn() {
        return area().getFirstCell().getCol();
    }

    List<Element> columns() {
        return PackageXml.children(PackageXml.child(table, "tableColumns"), "tableColumn");
    }

    /** Adds a column at the right end of the table, widening its range and its filter's. */
    void addColumn(String header) {
        Element columns = PackageXml.child(table, "tableColumns");
        int id = columns().stream().mapToInt(c -> Integer.parseInt(c.getAttribute("id"))).max().orElse(0) + 1;
        Element column = PackageXml.element(document, "tableColumn");
        column.setAttribute("id", Integer.toString(id));
        column.setAttribute("name", header);
        columns.appendChild(column);
        columns.setAttribute("count", Integer.toString(columns().size()));
        CellReference first = area().getFirstCell();
        CellReference last = area().getLastCell();
        String ref = first.formatAsString(false) + ":" + SheetCells.address(last.getRow(), last.getCol() + 1);
        table.setAttribute("ref", ref);
        Element filter = PackageXml.child(table, "autoFilter");
        if (filter != null) {
            filter.setAttribute("ref", ref);
        }
    }

    /**
     * Makes the table the target of a query table: every column is a field of it (the n-th column the n-th field), and
     * a column the query does not load but computes the same way in every row keeps that formula as its calculated one.
     */
    void loadFromQuery(List<String> calculatedFormulas) {
        table.setAttribute("tableType", "queryTable");
        List<Element> columns = columns();
        for (int i = 0; i < columns.size(); i++) {
            Element column = columns.get(i);
            column.setAttribute("uniqueName", Integer.toString(i + 1));
            column.setAttribute("queryTableFieldId", Integer.toString(i + 1));
            String formula = calculatedFormulas.get(i);
            if (formula != null && PackageXml.child(column, "calculatedColumnFormula") == null) {
                Element calculated = PackageXml.element(document, "calculatedColumnFormula");
                calculated.setTextContent(formula);
                column.insertBefore(calculated, column.getFirstChild());
            }
        }
    }
}
