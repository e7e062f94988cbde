package no.kostra.workbook.roundtrip;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import no.kostra.compute.NorwegianFormat;
import no.kostra.errors.InvalidInputException;

/**
 * Streams one worksheet part and keeps the cells that matter (those the filter keeps), decoded as Excel shows them:
 * numbers, strings (shared, inline, rich text), booleans, errors, ISO dates, and formulas as their text (a shared
 * formula's followers shifted from its first cell, a data table as {@code TABLE(…)}), never evaluated. A kept cell no
 * spreadsheet program writes (a number that is none, an unknown type, a shared formula without text …) is refused with
 * a 400 that names the sheet and the cell; cells outside the filter are skipped unread. At most {@link #MAX_CELLS}
 * cells are kept, so the heap a file can take is bounded.
 */
final class SheetReader {
    static final int MAX_CELLS = 500_000;
    static final String AGAIN = "; skriv inn verdien på nytt i Excel og lagre arbeidsboken igjen";
    private static final Set<String> TYPES = Set.of("n", "s", "str", "inlineStr", "b", "e", "d");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

    interface Filter {
        boolean keeps(int row, int column);
    }

    private final WorkbookParts parts;
    private final Formulas formulas;
    private final String sheet;

    SheetReader(WorkbookParts parts, Formulas formulas, String sheet) {
        this.parts = parts;
        this.formulas = formulas;
        this.sheet = sheet;
    }

    /** The kept cells of the sheet, or empty cells when the workbook has no sheet of this name. */
    SheetCells read(Filter filter) {
        SheetCells cells = new SheetCells(sheet);
        String part = parts.sheetPart(sheet).orElse(null);
        if (part == null) {
            return cells;
        }
        Map<String, SharedFormula> masters = new HashMap<>();
        List<Follower> followers = new ArrayList<>();
        parts.read(part, r -> {
            int row = -1;
            int column = -1;
            int kept = 0;
            for (int e = r.getEventType(); e != XMLStreamConstants.END_DOCUMENT; e = Xml.next(r)) {
                if (e != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                String name = r.getLocalName();
                if (name.equals("row")) {
                    row = rowNumber(Xml.attribute(r, "r"), row);
                    column = -1;
                } else if (name.equals("c")) {
                    String reference = Xml.attribute(r, "r");
                    if (reference == null) {
                        column++;
                    } else {
                        CellAddress address = CellAddress.parse(reference);
                        if (address == null) {
                            throw refuse("arket " + sheet + " har en celle med ugyldig adresse ('" + shortened(reference) + "')");
                        }
                        row = address.row();
                        column = address.column();
                    }
                    if (row < 0) {
                        row = 0;
                    }
                    SheetCell cell = cell(r, row, column, filter.keeps(row, column), masters, followers);
                    if (cell != null) {
                        if (++kept > MAX_CELLS) {
                            throw new InvalidInputException(parts.file() + ": arket " + sheet + " har flere enn "
                                    + NorwegianFormat.number(MAX_CELLS, 0) + " utfylte celler i tabellene; arbeidsboken kan ikke"
                                    + " leses tilbake. Send en kopi med bare tabellene tjenesten fylte ut",
                                    Map.of("file", parts.file(), "sheet", sheet));
                        }
                        cells.put(row, cell);
                    }
                }
            }
            return null;
        });
        for (Follower f : followers) {
            SharedFormula master = masters.get(f.si);
            if (master == null) {
                throw noFormulaText(f.row, f.column, f.si);
            }
            cells.put(f.row, SheetCell.formula(f.column, formulas.shifted(master.text, master.row, master.column, f.row, f.column),
                    f.result));
        }
        cells.seal();
        return cells;
    }

    private int rowNumber(String r, int previous) {
        if (r == null) {
            return previous + 1;
        }
        CellAddress address = r.matches("[0-9]{1,8}") ? CellAddress.parse("A" + r) : null;
        if (address == null) {
            throw refuse("arket " + sheet + " har en rad med ugyldig nummer ('" + shortened(r) + "')");
        }
        return address.row();
    }

    private record SharedFormula(String text, int row, int column) {
    }

    private record Follower(int row, int column, String si, String result) {
    }

    /**
     * Reads one {@code <c>} element to its end; returns the kept cell, or null when it is empty or not kept. A shared
     * formula's first cell is remembered even when not kept: a kept cell further down may follow it.
     */
    private SheetCell cell(XMLStreamReader r, int row, int column, boolean keep, Map<String, SharedFormula> masters,
                           List<Follower> followers) throws XMLStreamException {
        String type = Xml.attribute(r, "t");
        String value = null;
        String inline = null;
        String formula = null;
        String formulaType = null;
        String si = null;
        String dataTable = null;
        for (int e = Xml.next(r); e != XMLStreamConstants.END_ELEMENT || !r.getLocalName().equals("c"); e = Xml.next(r)) {
            if (e != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            switch (r.getLocalName()) {
                case "f" -> {
                    formulaType = Xml.attribute(r, "t");
                    si = Xml.attribute(r, "si");
                    String ref = Xml.attribute(r, "ref");
                    if ("dataTable".equals(formulaType)) {
                        dataTable = dataTable(r);
                    }
                    if (!keep && !"shared".equals(formulaType)) {
                        continue;
                    }
                    formula = r.getElementText().strip();
                    if ("shared".equals(formulaType) && ref != null && si != null && !formula.isEmpty()) {
                        masters.putIfAbsent(si, new SharedFormula(formula, row, column));
                    }
                }
                case "v" -> value = keep ? r.getElementText() : null;
                case "is" -> inline = keep ? Xml.stringItem(r) : null;
                default -> {
                    // extLst and other extensions say nothing about the cell's content
                }
            }
        }
        if (!keep) {
            return null;
        }
        String where = CellAddress.format(row, column);
        if (type != null && !TYPES.contains(type)) {
            throw refuse("cellen " + sheet + "!" + where + " har en ukjent celletype (t=\"" + shortened(type) + "\")");
        }
        if (dataTable != null) {
            return SheetCell.formula(column, dataTable, value);
        }
        if (formulaType != null || formula != null) {
            if (formula != null && !formula.isEmpty()) {
                return SheetCell.formula(column, formula, value);
            }
            if ("shared".equals(formulaType) && si != null) {
                followers.add(new Follower(row, column, si, value));
                return null;
            }
            throw noFormulaText(row, column, si);
        }
        return value(type == null ? "n" : type, value, inline, column, where);
    }

    private SheetCell value(String type, String value, String inline, int column, String where) {
        String v = value == null ? null : value.strip();
        return switch (type) {
            case "n" -> {
                if (v == null || v.isEmpty()) {
                    yield null;
                }
                double number = isNumber(v) ? Double.parseDouble(v) : Double.NaN;
                if (!Double.isFinite(number)) {
                    throw refuse("cellen " + sheet + "!" + where + " skal holde et tall, men holder '" + shortened(v) + "'");
                }
                yield SheetCell.number(column, number);
            }
            case "s" -> {
                if (v == null || v.isEmpty()) {
                    yield null;
                }
                int index = v.matches("[0-9]{1,9}") ? Integer.parseInt(v) : -1;
                if (index < 0 || index >= parts.strings().size()) {
                    throw refuse("cellen " + sheet + "!" + where + " viser til en tekst som ikke finnes i arbeidsboken ('"
                            + shortened(v) + "')");
                }
                yield SheetCell.text(column, parts.strings().get(index));
            }
            case "inlineStr" -> inline == null && value == null ? null : SheetCell.text(column, inline != null ? inline : value);
            case "str", "e" -> value == null ? null : SheetCell.text(column, value);
            case "b" -> switch (String.valueOf(v)) {
                case "1", "true" -> SheetCell.text(column, "SANN");
                case "0", "false" -> SheetCell.text(column, "USANN");
                default -> throw refuse("cellen " + sheet + "!" + where + " skal holde en sannhetsverdi (0 eller 1), men holder '"
                        + shortened(String.valueOf(v)) + "'");
            };
            case "d" -> v == null || v.isEmpty() ? null : SheetCell.text(column, date(v, where));
            default -> throw new IllegalStateException("Cell type checked above: " + type);
        };
    }

    /**
     * A number as an XML Schema double writes it ({@code -1.5E3}), without the special values (NaN, INF) no spreadsheet
     * cell holds and without what Java's parser also takes (hexadecimal, a trailing d or f). Checked by hand: it runs
     * for every figure of every returned workbook.
     */
    static boolean isNumber(String v) {
        int i = 0;
        int n = v.length();
        if (i < n && (v.charAt(i) == '+' || v.charAt(i) == '-')) {
            i++;
        }
        int digits = 0;
        while (i < n && v.charAt(i) >= '0' && v.charAt(i) <= '9') {
            i++;
            digits++;
        }
        if (i < n && v.charAt(i) == '.') {
            i++;
            while (i < n && v.charAt(i) >= '0' && v.charAt(i) <= '9') {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (i < n && (v.charAt(i) == 'e' || v.charAt(i) == 'E')) {
            i++;
            if (i < n && (v.charAt(i) == '+' || v.charAt(i) == '-')) {
                i++;
            }
            int exponent = 0;
            while (i < n && v.charAt(i) >= '0' && v.charAt(i) <= '9') {
                i++;
                exponent++;
            }
            if (exponent == 0) {
                return false;
            }
        }
        return i == n;
    }

    /** An ISO 8601 date, time or both, as Excel shows a date in Norway. */
    private String date(String iso, String where) {
        try {
            if (iso.length() <= 10) {
                return LocalDate.parse(iso).format(DATE);
            }
            LocalDateTime at = iso.endsWith("Z") || iso.matches(".*[+-][0-9]{2}:[0-9]{2}$")
                    ? OffsetDateTime.parse(iso).toLocalDateTime() : LocalDateTime.parse(iso);
            return at.toLocalTime().equals(java.time.LocalTime.MIDNIGHT) ? at.format(DATE) : at.format(DATE_TIME);
        } catch (DateTimeParseException e) {
            throw refuse("cellen " + sheet + "!" + where + " skal holde en dato, men holder '" + shortened(iso) + "'");
        }
    }

    /**
     * A what-if data table's cell, as Excel shows it: {@code TABLE(row input, column input)}, an input left out where
     * the table has one dimension ({@code dtr} says which).
     */
    private static String dataTable(XMLStreamReader r) {
        String r1 = String.valueOf(Xml.attribute(r, "r1"));
        String r2 = Xml.attribute(r, "r2");
        if ("1".equals(Xml.attribute(r, "dt2D")) || "true".equals(Xml.attribute(r, "dt2D"))) {
            return "TABLE(" + r1 + "," + (r2 == null ? "" : r2) + ")";
        }
        boolean rowInput = "1".equals(Xml.attribute(r, "dtr")) || "true".equals(Xml.attribute(r, "dtr"));
        return rowInput ? "TABLE(" + r1 + ",)" : "TABLE(," + r1 + ")";
    }

    private InvalidInputException noFormulaText(int row, int column, String si) {
        String where = sheet + "!" + CellAddress.format(row, column);
        return refuse(si == null ? "cellen " + where + " har en formel uten formeltekst"
                : "cellen " + where + " hører til en delt formel (si " + shortened(si) + ") som ikke har noen formeltekst");
    }

    private InvalidInputException refuse(String problem) {
        return new InvalidInputException(parts.file() + ": " + problem + AGAIN, Map.of("file", parts.file(), "sheet", sheet));
    }

    /** Hostile text is shown only so far. */
    private static String shortened(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
