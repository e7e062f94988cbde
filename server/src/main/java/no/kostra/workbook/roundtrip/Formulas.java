package no.kostra.workbook.roundtrip;

import java.util.ArrayList;
import java.util.List;
import no.kostra.workbook.CellProvenance;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.formula.EvaluationName;
import org.apache.poi.ss.formula.EvaluationWorkbook;
import org.apache.poi.ss.formula.FormulaParser;
import org.apache.poi.ss.formula.FormulaParsingWorkbook;
import org.apache.poi.ss.formula.FormulaRenderer;
import org.apache.poi.ss.formula.FormulaRenderingWorkbook;
import org.apache.poi.ss.formula.FormulaType;
import org.apache.poi.ss.formula.SharedFormula;
import org.apache.poi.ss.formula.SheetIdentifier;
import org.apache.poi.ss.formula.ptg.Area3DPxg;
import org.apache.poi.ss.formula.ptg.NamePtg;
import org.apache.poi.ss.formula.ptg.NameXPtg;
import org.apache.poi.ss.formula.ptg.NameXPxg;
import org.apache.poi.ss.formula.ptg.Ptg;
import org.apache.poi.ss.formula.ptg.Ref3DPxg;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Table;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellReference;

/**
 * Formula text into POI's tokens and back, without a POI workbook: POI's parser asks a workbook for sheets and names,
 * and this one answers every name it is asked (a sheet that was renamed, a function Excel added later), so a formula
 * from any version of any spreadsheet program tokenises. Used to shift a shared formula to its followers and to
 * compare formulas by meaning ({@link FormulaMeaning}). Not thread-safe: one per read-back.
 */
final class Formulas {
    private final List<String> sheets = new ArrayList<>();
    private final List<String> names = new ArrayList<>();
    private final Book book = new Book();

    /** The formula's tokens as written in a cell of this row, or null when it is no formula POI can read. */
    Ptg[] parse(String formula, int row) {
        try {
            return FormulaParser.parse(formula, book, FormulaType.CELL, 0, row);
        } catch (RuntimeException e) {
            // the text comes from an uploaded file: whatever the parser cannot take, it is no formula it can read
            return null;
        }
    }

    /**
     * The text a shared formula has in a follower: the first cell's formula with its relative references moved as far
     * as the follower is from it. The first cell's text when it cannot be tokenised.
     */
    String shifted(String master, int masterRow, int masterColumn, int row, int column) {
        Ptg[] tokens = parse(master, masterRow);
        if (tokens == null) {
            return master;
        }
        try {
            Ptg[] moved = new SharedFormula(SpreadsheetVersion.EXCEL2007).convertSharedFormulas(tokens, row - masterRow, column - masterColumn);
            return FormulaRenderer.toFormulaString(book, moved);
        } catch (RuntimeException e) {
            return master;
        }
    }

    String nameText(NamePtg name) {
        return names.get(name.getIndex());
    }

    private int indexOf(List<String> list, String name) {
        int i = list.indexOf(name);
        if (i < 0) {
            list.add(name);
            i = list.size() - 1;
        }
        return i;
    }

    /** Canonical text of a number in a formula (100 and 100.0 are one constant). */
    static String number(double value) {
        return Double.isFinite(value) ? CellProvenance.canonical(value) : Double.toString(value);
    }

    private final class Book implements FormulaParsingWorkbook, FormulaRenderingWorkbook {
        @Override
        public EvaluationName getName(String name, int sheetIndex) {
            int index = indexOf(names, name);
            return new EvaluationName() {
                @Override
                public String getNameText() {
                    return name;
                }

                @Override
                public boolean isFunctionName() {
                    // the parser asks before a call too: a name it does not know may be a function Excel added later
                    return true;
                }

                @Override
                public boolean hasFormula() {
                    return false;
                }

                @Override
                public Ptg[] getNameDefinition() {
                    return new Ptg[0];
                }

                @Override
                public boolean isRange() {
                    return true;
                }

                @Override
                public NamePtg createPtg() {
                    return new NamePtg(index);
                }
            };
        }

        @Override
        public Name createName() {
            throw new UnsupportedOperationException("A returned workbook is read, never given new names");
        }

        @Override
        public Table getTable(String name) {
            // a structured reference (Table[Column]) is not resolved: such a formula is compared by its text
            return null;
        }

        @Override
        public Ptg getNameXPtg(String name, SheetIdentifier sheet) {
            // a name in another workbook ([1]!Name) has a book but no sheet
            return new NameXPxg(sheet == null || sheet.getSheetIdentifier() == null ? null : sheet.getSheetIdentifier().getName(), name);
        }

        @Override
        public Ptg get3DReferencePtg(CellReference cell, SheetIdentifier sheet) {
            return new Ref3DPxg(sheet, cell);
        }

        @Override
        public Ptg get3DReferencePtg(AreaReference area, SheetIdentifier sheet) {
            return new Area3DPxg(sheet, area);
        }

        @Override
        public int getExternalSheetIndex(String sheetName) {
            return indexOf(sheets, sheetName);
        }

        @Override
        public int getExternalSheetIndex(String workbookName, String sheetName) {
            return indexOf(sheets, "[" + workbookName + "]" + sheetName);
        }

        @Override
        public SpreadsheetVersion getSpreadsheetVersion() {
            return SpreadsheetVersion.EXCEL2007;
        }

        @Override
        public EvaluationWorkbook.ExternalSheet getExternalSheet(int externSheetIndex) {
            return null;
        }

        @Override
        public String getSheetFirstNameByExternSheet(int externSheetIndex) {
            return sheets.get(externSheetIndex);
        }

        @Override
        public String getSheetLastNameByExternSheet(int externSheetIndex) {
            return sheets.get(externSheetIndex);
        }

        @Override
        public String resolveNameXText(NameXPtg nameX) {
            return null;
        }

        @Override
        public String getNameText(NamePtg name) {
            return nameText(name);
        }
    }
}
