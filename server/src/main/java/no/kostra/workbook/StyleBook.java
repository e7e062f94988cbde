package no.kostra.workbook;

import java.util.HashMap;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Cell styles derived from a template style with another number format, tagged bokmål ({@link NorwegianFormats}),
 * made once per (style, format) so a fill adds a handful of styles, not one per cell.
 */
final class StyleBook {
    private final XSSFWorkbook workbook;
    private final Map<String, XSSFCellStyle> made = new HashMap<>();

    StyleBook(XSSFWorkbook workbook) {
        this.workbook = workbook;
    }

    XSSFCellStyle withFormat(XSSFCellStyle base, String format) {
        return made.computeIfAbsent(base.getIndex() + "|" + format, k -> {
            XSSFCellStyle style = workbook.createCellStyle();
            style.cloneStyleFrom(base);
            style.setDataFormat(workbook.createDataFormat().getFormat(NorwegianFormats.tagged(format)));
            return style;
        });
    }

    /** Excel's format code for a number with this many decimals and a thousands separator: #,##0.0 */
    static String numberFormat(int decimals) {
        return decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals);
    }

    /**
     * The same with a unit after the number, each character escaped: {@code #,##0.0\ \p\p} shows 1,5 as "1,5 pp". (A
     * quoted "%" is text to Excel, yet POI's formatter scales by it; an escaped one is text to all three.)
     */
    static String numberFormat(int decimals, String unit) {
        StringBuilder format = new StringBuilder(numberFormat(decimals)).append("\\ ");
        unit.chars().forEach(c -> format.append('\\').append((char) c));
        return format.toString();
    }
}
