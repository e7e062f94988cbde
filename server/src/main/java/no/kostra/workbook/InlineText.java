package no.kostra.workbook;

import org.apache.poi.xssf.usermodel.XSSFCell;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.CTCell;
import org.openxmlformats.schemas.spreadsheetml.x2006.main.STCellType;

/**
 * Writes text as an inline string ({@code <c t="inlineStr"><is><t>…</t></is></c>}) rather than through the shared
 * strings table. Excel, LibreOffice and POI read both alike; POI's shared-string path serialises every string to XML
 * to look it up, which made it the largest cost of a fill (see {@code bench report-fill}). Note for code that edits
 * a filled workbook with POI: {@code XSSFCell.setCellValue(String)} on an inline-string cell keeps the old inline
 * text (POI quirk); use {@link #set} or {@code setBlank()} first. Excel and LibreOffice replace the cell as usual.
 */
final class InlineText {
    private InlineText() {
    }

    static void set(XSSFCell cell, String text) {
        CTCell ct = cell.getCTCell();
        if (ct.isSetF()) {
            cell.setBlank(); // POI's way out of a formula (array ranges, calculation chain); too slow for every cell
        }
        if (ct.isSetV()) {
            ct.unsetV();
        }
        if (ct.isSetIs()) {
            ct.unsetIs();
        }
        ct.setT(STCellType.INLINE_STR);
        ct.addNewIs().setT(text);
    }
}
