package no.kostra.workbook;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.namespace.QName;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFGraphicFrame;
import org.apache.poi.xssf.usermodel.XSSFShape;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFTable;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.xmlbeans.XmlCursor;

/** A filled workbook read back with POI, looked up the way a reader would: by table, header and row key. */
final class FilledWorkbook implements AutoCloseable {
    private static final QName RELATIONSHIP_ID =
            new QName("http://schemas.openxmlformats.org/officeDocument/2006/relationships", "id");

    private final XSSFWorkbook workbook;

    FilledWorkbook(byte[] xlsx) {
        try {
            workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    XSSFWorkbook workbook() {
        return workbook;
    }

    XSSFTable table(String name) {
        for (var sheet : workbook) {
            for (XSSFTable table : ((XSSFSheet) sheet).getTables()) {
                if (table.getName().equals(name)) {
                    return table;
                }
            }
        }
        throw new AssertionError("No table " + name);
    }

    /** The chart shown in the drawing frame of this name, as POI reads it. */
    XSSFChart chart(String frameName) {
        for (var sheet : workbook) {
            XSSFDrawing drawing = ((XSSFSheet) sheet).getDrawingPatriarch();
            if (drawing == null) {
                continue;
            }
            for (XSSFShape shape : drawing.getShapes()) {
                if (shape instanceof XSSFGraphicFrame frame && frameName.equalsIgnoreCase(frame.getName())) {
                    try (XmlCursor cursor = frame.getCTGraphicalObjectFrame().getGraphic().getGraphicData().newCursor()) {
                        cursor.toFirstChild();
                        return (XSSFChart) drawing.getRelationById(cursor.getAttributeText(RELATIONSHIP_ID));
                    }
                }
            }
        }
        throw new AssertionError("No chart " + frameName);
    }

    int dataRows(String table) {
        XSSFTable t = table(table);
        return t.getEndCellReference().getRow() - t.getStartCellReference().getRow();
    }

    List<String> headers(String table) {
        XSSFTable t = table(table);
        List<String> headers = new ArrayList<>();
        for (int c = t.getStartColIndex(); c <= t.getEndColIndex(); c++) {
            headers.add(t.getXSSFSheet().getRow(t.getStartRowIndex()).getCell(c).getStringCellValue());
        }
        return headers;
    }

    /** Column values of the data rows, as displayed text (numbers unformatted). */
    List<String> column(String table, String header) {
        XSSFTable t = table(table);
        int c = t.getStartColIndex() + headers(table).indexOf(header);
        List<String> values = new ArrayList<>();
        for (int r = t.getStartRowIndex() + 1; r <= t.getEndRowIndex(); r++) {
            values.add(text(t.getXSSFSheet().getRow(r).getCell(c)));
        }
        return values;
    }

    /** The cell of a table row (found by its key in the Id column) and column header. */
    XSSFCell cell(String table, String rowKey, String header) {
        XSSFTable t = table(table);
        int row = t.getStartRowIndex() + 1 + column(table, "Id").indexOf(rowKey);
        int c = t.getStartColIndex() + headers(table).indexOf(header);
        if (row <= t.getStartRowIndex() || c < t.getStartColIndex()) {
            throw new AssertionError("No cell " + rowKey + " / " + header + " in " + table);
        }
        return t.getXSSFSheet().getRow(row).getCell(c);
    }

    XSSFCell cell(String sheet, String address) {
        CellReference ref = new CellReference(address);
        return workbook.getSheet(sheet).getRow(ref.getRow()).getCell(ref.getCol());
    }

    static String text(XSSFCell cell) {
        return cell == null ? "" : new DataFormatter().formatCellValue(cell);
    }

    byte[] bytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            workbook.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    @Override
    public void close() throws IOException {
        workbook.close();
    }
}
