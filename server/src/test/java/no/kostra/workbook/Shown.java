package no.kostra.workbook;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFTable;

/** What a Norwegian reader sees in a cell (its number format under nb-NO; a formula's cached result), and the numbers in it. */
final class Shown {
    private static final DataFormatter NORWEGIAN = new DataFormatter(Locale.forLanguageTag("nb-NO"));
    /** A number as written in bokmål: digits with non-breaking spaces between thousands and a decimal comma; no sign. */
    private static final Pattern NUMBER = Pattern.compile("\\d[\\d\u00A0]*(?:,\\d+)?");

    private Shown() {
    }

    /** Java's nb-NO writes a minus sign (U+2212) where Excel and LibreOffice show the hyphen-minus: shown as they do. */
    static String text(XSSFCell cell) {
        if (cell == null) {
            return "";
        }
        if (cell.getCellType() == CellType.FORMULA) {
            if (cell.getCachedFormulaResultType() == CellType.ERROR) {
                return cell.getErrorCellString(); // #N/A where a chart has nothing to plot, as the sheet shows it
            }
            return cell.getCachedFormulaResultType() == CellType.NUMERIC
                    ? NORWEGIAN.formatRawCellContents(cell.getNumericCellValue(), cell.getCellStyle().getDataFormat(),
                    cell.getCellStyle().getDataFormatString()).replace('\u2212', '-')
                    : cell.getStringCellValue();
        }
        return NORWEGIAN.formatCellValue(cell).replace('\u2212', '-');
    }

    /** The numbers in a text, without their signs, as written. */
    static Set<String> numbers(String text) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = NUMBER.matcher(text);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    /** The numbers shown in a table's data rows whose column {@code keyHeader} passes the test. */
    static Set<String> numbersInRows(FilledWorkbook filled, String table, String keyHeader, java.util.function.Predicate<String> key) {
        XSSFTable t = filled.table(table);
        int keyColumn = t.getStartColIndex() + filled.headers(table).indexOf(keyHeader);
        Set<String> out = new LinkedHashSet<>();
        for (int r = t.getStartRowIndex() + 1; r <= t.getEndRowIndex(); r++) {
            XSSFRow row = t.getXSSFSheet().getRow(r);
            if (row != null && key.test(text(row.getCell(keyColumn)))) {
                for (int c = t.getStartColIndex(); c <= t.getEndColIndex(); c++) {
                    out.addAll(numbers(text(row.getCell(c))));
                }
            }
        }
        return out;
    }
}
