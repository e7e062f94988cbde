package no.kostra.workbook.design;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The templates' cell styles. Number formats are Excel format codes ({@code #,##0.0}); Excel and LibreOffice show
 * them in the reader's locale, so a Norwegian reader sees {@code 1 234,5}.
 */
final class DesignStyles {
    static final String ONE_DECIMAL = no.kostra.workbook.NorwegianFormats.tagged("#,##0.0");

    final XSSFCellStyle title;
    final XSSFCellStyle subtitle;
    final XSSFCellStyle header;
    final XSSFCellStyle text;
    final XSSFCellStyle wrappedText;
    final XSSFCellStyle number;
    final XSSFCellStyle derived;
    final XSSFCellStyle comment;
    final XSSFCellStyle note;

    DesignStyles(XSSFWorkbook workbook) {
        XSSFFont titleFont = workbook.createFont();
        titleFont.setBold(true);
        titleFont.setFontHeightInPoints((short) 16);
        title = workbook.createCellStyle();
        title.setFont(titleFont);

        XSSFFont subtitleFont = workbook.createFont();
        subtitleFont.setItalic(true);
        subtitleFont.setFontHeightInPoints((short) 10);
        subtitle = workbook.createCellStyle();
        subtitle.setFont(subtitleFont);

        XSSFFont headerFont = workbook.createFont();
        headerFont.setBold(true);
        headerFont.setColor(IndexedColors.WHITE.getIndex());
        header = workbook.createCellStyle();
        header.setFont(headerFont);
        header.setFillForegroundColor(IndexedColors.DARK_TEAL.getIndex());
        header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        header.setWrapText(true);
        header.setVerticalAlignment(VerticalAlignment.CENTER);

        text = bordered(workbook);
        text.setVerticalAlignment(VerticalAlignment.TOP);
        wrappedText = bordered(workbook);
        wrappedText.setWrapText(true);
        wrappedText.setVerticalAlignment(VerticalAlignment.TOP);

        // Right-aligned so a status symbol (.., :) stands where the number would.
        number = bordered(workbook);
        number.setDataFormat(workbook.createDataFormat().getFormat(ONE_DECIMAL));
        number.setAlignment(HorizontalAlignment.RIGHT);
        number.setVerticalAlignment(VerticalAlignment.TOP);

        derived = bordered(workbook);
        derived.cloneStyleFrom(number);
        derived.setFillForegroundColor(IndexedColors.LIGHT_TURQUOISE.getIndex());
        derived.setFillPattern(FillPatternType.SOLID_FOREGROUND);

        comment = bordered(workbook);
        comment.setWrapText(true);
        comment.setVerticalAlignment(VerticalAlignment.TOP);
        comment.setFillForegroundColor(IndexedColors.LEMON_CHIFFON.getIndex());
        comment.setFillPattern(FillPatternType.SOLID_FOREGROUND);

        XSSFFont noteFont = workbook.createFont();
        noteFont.setItalic(true);
        noteFont.setColor(IndexedColors.GREY_80_PERCENT.getIndex());
        note = workbook.createCellStyle();
        note.setFont(noteFont);
        note.setWrapText(true);
        note.setVerticalAlignment(VerticalAlignment.TOP);
    }

    private static XSSFCellStyle bordered(XSSFWorkbook workbook) {
        XSSFCellStyle style = workbook.createCellStyle();
        style.setBorderBottom(BorderStyle.HAIR);
        style.setBottomBorderColor(IndexedColors.GREY_40_PERCENT.getIndex());
        return style;
    }
}
