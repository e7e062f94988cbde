package no.kostra.workbook.roundtrip;

import java.util.ArrayList;
import java.util.List;

/** Compares a returned workbook's cells with what the service filled them with. Pure. */
public final class EditFinder {
    private EditFinder() {
    }

    public static List<Edit> find(List<ReturnedCell> cells, List<ReturnedComment> comments, List<LockedCell> locked,
                                  List<AddedRow> addedRows) {
        List<Edit> edits = new ArrayList<>();
        for (ReturnedCell c : cells) {
            if (!c.unchanged()) {
                String now = c.nowFormula() != null ? "=" + stripEquals(c.nowFormula()) : c.nowText();
                edits.add(new Edit(Edit.Kind.VALUE, c.sheet(), c.cell(), c.indicator(), c.region(), c.year(),
                        c.filledText(), now, c.nowFormula() != null ? null : c.nowNumber()));
            }
        }
        for (ReturnedComment c : comments) {
            if (!c.nowText().equals(c.filledText())) {
                edits.add(new Edit(Edit.Kind.COMMENT, c.sheet(), c.cell(), c.indicator(), c.region(), c.year(),
                        c.filledText(), c.nowText(), null));
            }
        }
        for (LockedCell c : locked) {
            String now = c.nowFormula() != null ? "=" + stripEquals(c.nowFormula()) : c.nowText();
            edits.add(new Edit(Edit.Kind.LOCKED_CELL, c.sheet(), c.cell(), c.indicator(), c.region(), c.year(),
                    "=" + stripEquals(c.filledFormula()), now, null));
        }
        for (AddedRow r : addedRows) {
            edits.add(new Edit(Edit.Kind.ROW_ADDED, r.sheet(), r.cell(), null, null, 0, "", r.text(), null));
        }
        return List.copyOf(edits);
    }

    private static String stripEquals(String formula) {
        String f = formula.strip();
        return f.startsWith("=") ? f.substring(1) : f;
    }
}
