package no.kostra.workbook.roundtrip;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.formula.ptg.AbstractFunctionPtg;
import org.apache.poi.ss.formula.ptg.Area3DPxg;
import org.apache.poi.ss.formula.ptg.AreaErrPtg;
import org.apache.poi.ss.formula.ptg.AreaPtgBase;
import org.apache.poi.ss.formula.ptg.AttrPtg;
import org.apache.poi.ss.formula.ptg.DeletedArea3DPtg;
import org.apache.poi.ss.formula.ptg.DeletedRef3DPtg;
import org.apache.poi.ss.formula.ptg.IntPtg;
import org.apache.poi.ss.formula.ptg.MemAreaPtg;
import org.apache.poi.ss.formula.ptg.MemErrPtg;
import org.apache.poi.ss.formula.ptg.MemFuncPtg;
import org.apache.poi.ss.formula.ptg.NamePtg;
import org.apache.poi.ss.formula.ptg.NameXPxg;
import org.apache.poi.ss.formula.ptg.NumberPtg;
import org.apache.poi.ss.formula.ptg.OperationPtg;
import org.apache.poi.ss.formula.ptg.ParenthesisPtg;
import org.apache.poi.ss.formula.ptg.Ptg;
import org.apache.poi.ss.formula.ptg.Ref3DPxg;
import org.apache.poi.ss.formula.ptg.RefErrorPtg;
import org.apache.poi.ss.formula.ptg.RefPtgBase;
import org.apache.poi.ss.formula.ptg.StringPtg;

/**
 * What a formula computes, independent of where rows and sheets went since it was written: its tokens, with every
 * reference to a filled table's body read as that table's column and row key ({@code Profil_KHT[2024]{KHT.sykefravaer}}),
 * any other reference as a place relative to the formula's own cell (R1C1-like) or, on another sheet, as that sheet's
 * name when the workbook was filled. A formula whose references were shifted by inserted or deleted rows or columns, or
 * sorted with its row, or whose sheet references follow a moved or renamed sheet, means the same; one that now reads
 * other figures does not. Spaces, parentheses and $-signs change nothing a formula computes, so they are left out.
 */
final class FormulaMeaning {
    private static final int LAST_ROW = SpreadsheetVersion.EXCEL2007.getLastRowIndex();
    private static final int LAST_COLUMN = SpreadsheetVersion.EXCEL2007.getLastColumnIndex();

    /** Where references point, in a workbook as filled or as returned. */
    interface Geometry {
        /** The table body cell at this place as {@code Table[column]{row key}}, or null when none the service filled. */
        String tableCell(String sheet, int row, int column);

        /** The sheet's name as it was when the workbook was filled. */
        String sheetAsFilled(String sheet);
    }

    /** A formula's own cell. */
    record Place(String sheet, int row, int column) {
    }

    private FormulaMeaning() {
    }

    /** True when both formulas compute the same from the same figures, each read in its own workbook. */
    static boolean same(Formulas formulas, String filled, Place filledAt, Geometry asFilled, String now, Place nowAt,
                        Geometry asReturned) {
        if (strip(filled).equals(strip(now))) {
            // the same text is the same formula, whether a program moved it with its row or not (openpyxl moves cells
            // without rewriting their formulas, so a formula moved that way means what it meant where it was written)
            return true;
        }
        List<String> before = of(formulas, filled, filledAt, asFilled);
        return before != null && before.equals(of(formulas, now, nowAt, asReturned));
    }

    /** The formula's meaning as a list of tokens, or null when it cannot be tokenised. */
    static List<String> of(Formulas formulas, String formula, Place at, Geometry geometry) {
        Ptg[] tokens = formulas.parse(strip(formula), at.row());
        if (tokens == null) {
            return null;
        }
        List<String> meaning = new ArrayList<>(tokens.length);
        for (Ptg token : tokens) {
            String t = token(formulas, token, at, geometry);
            if (t != null) {
                meaning.add(t);
            }
        }
        return meaning;
    }

    private static String token(Formulas formulas, Ptg token, Place at, Geometry geometry) {
        if (token instanceof Ref3DPxg ref) {
            return ref.getExternalWorkbookNumber() > 0 ? "ext:" + ref.toFormulaString()
                    : cell(ref.getSheetName(), ref.getRow(), ref.getColumn(), at, geometry);
        }
        if (token instanceof RefPtgBase ref) {
            return cell(at.sheet(), ref.getRow(), ref.getColumn(), at, geometry);
        }
        if (token instanceof Area3DPxg area) {
            return area.getExternalWorkbookNumber() > 0 || area.getLastSheetName() != null ? "ext:" + area.toFormulaString()
                    : area(area.getSheetName(), area, at, geometry);
        }
        if (token instanceof AreaPtgBase area) {
            return area(at.sheet(), area, at, geometry);
        }
        if (token instanceof RefErrorPtg || token instanceof AreaErrPtg || token instanceof DeletedRef3DPtg
                || token instanceof DeletedArea3DPtg || token instanceof MemErrPtg) {
            return "#REF!";
        }
        if (token instanceof AttrPtg attr) {
            // IF/CHOOSE jumps and spaces are how a program stores a formula, not what it computes; SUM of one range is a function
            return attr.isSum() ? "fn:SUM/1" : null;
        }
        if (token instanceof ParenthesisPtg || token instanceof MemFuncPtg || token instanceof MemAreaPtg) {
            return null;
        }
        if (token instanceof NamePtg name) {
            return "name:" + formulas.nameText(name).toUpperCase(Locale.ROOT);
        }
        if (token instanceof NameXPxg name) {
            return "name:" + name.getNameName().toUpperCase(Locale.ROOT);
        }
        if (token instanceof IntPtg number) {
            return "num:" + Formulas.number(number.getValue());
        }
        if (token instanceof NumberPtg number) {
            return "num:" + Formulas.number(number.getValue());
        }
        if (token instanceof StringPtg text) {
            return "str:" + text.getValue();
        }
        if (token instanceof AbstractFunctionPtg function) {
            return "fn:" + function.getName().toUpperCase(Locale.ROOT) + "/" + function.getNumberOfOperands();
        }
        if (token instanceof OperationPtg) {
            return token.getClass().getSimpleName();
        }
        try {
            return token.getClass().getSimpleName() + ":" + token.toFormulaString();
        } catch (RuntimeException e) {
            // a token that cannot show itself without a workbook is told apart by its kind alone
            return token.getClass().getSimpleName();
        }
    }

    private static String area(String sheet, AreaPtgBase area, Place at, Geometry geometry) {
        boolean wholeColumns = area.getFirstRow() == 0 && area.getLastRow() == LAST_ROW;
        boolean wholeRows = area.getFirstColumn() == 0 && area.getLastColumn() == LAST_COLUMN;
        if (wholeColumns || wholeRows) {
            // a whole column (A:A) or row (1:1) stays whole wherever its cells went
            String where = sameSheet(sheet, at, geometry) ? "" : geometry.sheetAsFilled(sheet) + "!";
            return wholeColumns ? "cols:" + where + "C[" + (area.getFirstColumn() - at.column()) + "]:C[" + (area.getLastColumn() - at.column()) + "]"
                    : "rows:" + where + "R[" + (area.getFirstRow() - at.row()) + "]:R[" + (area.getLastRow() - at.row()) + "]";
        }
        return cell(sheet, area.getFirstRow(), area.getFirstColumn(), at, geometry) + ":"
                + cell(sheet, area.getLastRow(), area.getLastColumn(), at, geometry);
    }

    private static String cell(String sheet, int row, int column, Place at, Geometry geometry) {
        String table = geometry.tableCell(sheet, row, column);
        if (table != null) {
            return "T:" + table;
        }
        if (sameSheet(sheet, at, geometry)) {
            return "R[" + (row - at.row()) + "]C[" + (column - at.column()) + "]";
        }
        return "S:" + geometry.sheetAsFilled(sheet) + "!R" + row + "C" + column;
    }

    private static boolean sameSheet(String sheet, Place at, Geometry geometry) {
        return geometry.sheetAsFilled(sheet).equals(geometry.sheetAsFilled(at.sheet()));
    }

    private static String strip(String formula) {
        String f = formula.strip();
        return f.startsWith("=") ? f.substring(1) : f;
    }
}
