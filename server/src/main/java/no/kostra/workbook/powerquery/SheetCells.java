package no.kostra.workbook.powerquery;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntFunction;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellReference;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The cells of one worksheet part, read and written in its DOM: only what adding a query table needs (the revision
 * column beside a table, the note in the source line). Rows and cells are kept in sheet order, as the format requires.
 */
final class SheetCells {
    private final Document document;
    private final Element sheetData;
    /** The row elements by row index, so a table's cells are found without scanning the sheet for each one. */
    private final TreeMap<Integer, Element> rows = new TreeMap<>();

    SheetCells(Document document) {
        this.document = document;
        this.sheetData = PackageXml.child(document.getDocumentElement(), "sheetData");
        if (sheetData == null) {
            throw new IllegalStateException("A worksheet without sheetData");
        }
        for (Element row : PackageXml.children(sheetData, "row")) {
            rows.put(Integer.parseInt(row.getAttribute("r")) - 1, row);
        }
    }

    Document document() {
        return document;
    }

    /** The cell's element, or null when the sheet has none there. */
    Element find(int row, int column) {
        Element r = row(row, false);
        if (r == null) {
            return null;
        }
        String address = address(row, column);
        for (Element c : PackageXml.children(r, "c")) {
            if (address.equals(c.getAttribute("r"))) {
                return c;
            }
        }
        return null;
    }

    /** Whether the cell holds anything (a value, inline text or a formula); a cell with a style only is empty. */
    boolean hasContent(int row, int column) {
        Element c = find(row, column);
        return c != null && (PackageXml.child(c, "v") != null || PackageXml.child(c, "is") != null || PackageXml.child(c, "f") != null);
    }

    /** The cell's formula, or null. */
    String formula(int row, int column) {
        Element c = find(row, column);
        Element f = c == null ? null : PackageXml.child(c, "f");
        return f == null ? null : f.getTextContent();
    }

    /** The cell's style index, or null. */
    String style(int row, int column) {
        Element c = find(row, column);
        return c == null ? null : PackageXml.attribute(c, "s");
    }

    /** The cell's text: inline, a formula's text result, or shared (looked up in the given shared strings). */
    String text(int row, int column, IntFunction<String> sharedStrings) {
        Element c = find(row, column);
        if (c == null) {
            return "";
        }
        Element is = PackageXml.child(c, "is");
        if (is != null) {
            return is.getTextContent();
        }
        Element v = PackageXml.child(c, "v");
        if (v == null) {
            return "";
        }
        return "s".equals(c.getAttribute("t")) ? sharedStrings.apply(Integer.parseInt(v.getTextContent().trim())) : v.getTextContent();
    }

    void setText(int row, int column, String text, String style) {
        Element c = replace(row, column, style);
        c.setAttribute("t", "inlineStr");
        Element is = PackageXml.element(document, "is");
        Element t = PackageXml.element(document, "t");
        t.setAttributeNS("http://www.w3.org/XML/1998/namespace", "xml:space", "preserve");
        t.setTextContent(text);
        is.appendChild(t);
        c.appendChild(is);
    }

    void setNumber(int row, int column, long value, String style) {
        Element v = PackageXml.element(document, "v");
        v.setTextContent(Long.toString(value));
        replace(row, column, style).appendChild(v);
    }

    /** Widens the sheet's dimension to take in a column. */
    void include(int column) {
        Element dimension = PackageXml.child(document.getDocumentElement(), "dimension");
        if (dimension == null) {
            return;
        }
        AreaReference area = new AreaReference(dimension.getAttribute("ref"), SpreadsheetVersion.EXCEL2007);
        CellReference first = area.getFirstCell();
        CellReference last = area.getLastCell();
        if (column > last.getCol()) {
            dimension.setAttribute("ref", first.formatAsString(false) + ":" + address(last.getRow(), column));
        }
    }

    /** Gives a column this width (in characters) unless the sheet already says how wide it is. */
    void width(int column, double characters) {
        Element root = document.getDocumentElement();
        Element cols = PackageXml.child(root, "cols");
        if (cols == null) {
            cols = PackageXml.element(document, "cols");
            root.insertBefore(cols, sheetData);
        }
        Element before = null;
        for (Element col : PackageXml.children(cols, "col")) {
            int min = Integer.parseInt(col.getAttribute("min")) - 1;
            int max = Integer.parseInt(col.getAttribute("max")) - 1;
            if (min <= column && column <= max) {
                return;
            }
            if (before == null && min > column) {
                before = col;
            }
        }
        Element col = PackageXml.element(document, "col");
        col.setAttribute("min", Integer.toString(column + 1));
        col.setAttribute("max", Integer.toString(column + 1));
        col.setAttribute("width", Double.toString(characters));
        col.setAttribute("customWidth", "1");
        cols.insertBefore(col, before);
    }

    static String address(int row, int column) {
        return CellReference.convertNumToColString(column) + (row + 1);
    }

    /** An empty cell element at this place (an old one's content dropped), in column order within its row. */
    private Element replace(int row, int column, String style) {
        Element r = row(row, true);
        String address = address(row, column);
        Element before = null;
        for (Element c : PackageXml.children(r, "c")) {
            if (address.equals(c.getAttribute("r"))) {
                r.removeChild(c);
                continue;
            }
            if (before == null && new CellReference(c.getAttribute("r")).getCol() > column) {
                before = c;
            }
        }
        Element c = PackageXml.element(document, "c");
        c.setAttribute("r", address);
        if (style != null) {
            c.setAttribute("s", style);
        }
        r.insertBefore(c, before);
        return c;
    }

    private Element row(int row, boolean create) {
        Element found = rows.get(row);
        if (found != null || !create) {
            return found;
        }
        Element r = PackageXml.element(document, "row");
        r.setAttribute("r", Integer.toString(row + 1));
        Map.Entry<Integer, Element> next = rows.higherEntry(row);
        sheetData.insertBefore(r, next == null ? null : next.getValue());
        rows.put(row, r);
        return r;
    }
}
