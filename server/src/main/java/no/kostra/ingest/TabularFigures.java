package no.kostra.ingest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.HashSet;
import java.util.Set;
import no.kostra.errors.InvalidInputException;
import no.kostra.observation.Figure;
import no.kostra.text.NorwegianList;

/**
 * Turns the rows of a CSV or xlsx table into figures. Two layouts, told apart by the header:
 * <ul>
 *   <li>municipality figures: {@code region;indicator;year;value[;status][;note]}</li>
 *   <li>published group figures: {@code group;indicator;year;statistic;value[;status]} with statistic mean, high or low</li>
 * </ul>
 * Header names may be Norwegian (kommune, indikator, år, verdi, gruppe, statistikk) or renamed by the mapping.
 * Other columns (a name, say) are allowed and not stored, but no cell anywhere may hold a spreadsheet formula.
 * Every row is checked whole, each field on its own, and its problems recorded with the collector, which refuses the
 * file once all rows are read, naming every faulty line.
 */
final class TabularFigures implements TableVisitor {
    private final FigureCollector collector;
    private final ImportMapping mapping;
    private int region = -1;
    private int group = -1;
    private int indicator;
    private int year;
    private int value;
    private int status = -1;
    private int statistic = -1;
    private List<String> header;
    private Places places;

    TabularFigures(FigureCollector collector, ImportMapping mapping) {
        this.collector = collector;
        this.mapping = mapping;
    }

    @Override
    public void header(List<String> names, Places places) {
        this.places = places;
        collector.locator((row, field) -> places.describe(row, columnOf(field), field));
        header = new ArrayList<>();
        names.forEach(n -> header.add(ImportMapping.normalise(n)));
        group = find("group");
        statistic = find("statistic");
        boolean groups = group >= 0 || statistic >= 0;
        if (groups) {
            group = require("group");
            statistic = require("statistic");
        } else {
            region = require("region");
        }
        indicator = require("indicator");
        year = require("year");
        value = require("value");
        status = find("status");
    }

    @Override
    public void row(List<String> cells, long row) {
        int problems = collector.problems();
        Set<Integer> formulas = new HashSet<>();
        for (int i = 0; i < cells.size(); i++) {
            int column = i;
            int before = collector.problems();
            collector.checked(() -> checkNotFormula(cells.get(column), column, row));
            if (collector.problems() > before) {
                formulas.add(column);
            }
        }
        // a field whose cell is a formula has its problem; it is not read as a value too
        Figure[] figure = new Figure[1];
        if (!formulas.contains(value) && !formulas.contains(status)) {
            collector.checked(() -> figure[0] = collector.figure(row, cell(cells, value), cell(cells, status)));
        }
        if (!formulas.contains(indicator)) {
            collector.checked(() -> collector.requireIndicator(row, cell(cells, indicator)));
        }
        if (!formulas.contains(year)) {
            collector.checked(() -> collector.requireYear(row, cell(cells, year)));
        }
        if (collector.problems() > problems) {
            return; // each field's problem is recorded; the row as a whole would repeat the first
        }
        collector.checked(() -> {
            if (group >= 0) {
                collector.groupStatistic(row, cell(cells, group), cell(cells, indicator), cell(cells, year),
                        cell(cells, statistic), figure[0]);
            } else {
                collector.observation(row, cell(cells, region), cell(cells, indicator), cell(cells, year), figure[0]);
            }
        });
    }

    @Override
    public void refuse(InvalidInputException problem) {
        collector.checked(() -> {
            throw problem;
        });
    }

    /**
     * A cell that starts like a formula (=, +, -, @) and is neither a number nor a status symbol is refused: such
     * text becomes a live formula when the data goes back into a workbook (CSV injection, OWASP).
     */
    private void checkNotFormula(String cell, int column, long row) {
        if (cell == null || cell.isEmpty()) {
            return;
        }
        String t = cell.strip();
        char first = t.isEmpty() ? ' ' : t.charAt(0);
        if ((first == '=' || first == '+' || first == '-' || first == '@' || cell.charAt(0) == '\t' || cell.charAt(0) == '\r')
                && NorwegianNumber.parse(t).isEmpty() && !t.equals("-")) {
            String field = column < header.size() ? header.get(column) : "kolonne " + (column + 1);
            String shown = t.length() > 40 ? t.substring(0, 40) + "…" : t;
            throw collector.failAt(places.describe(row, column, field), field,
                    "cellen ser ut som en regnearkformel ('" + shown + "'); formler importeres ikke");
        }
    }

    private int columnOf(String field) {
        return switch (field) {
            case "region" -> region;
            case "group" -> group;
            case "indicator" -> indicator;
            case "year" -> year;
            case "statistic" -> statistic;
            case "status" -> status;
            default -> value;
        };
    }

    private static String cell(List<String> cells, int index) {
        return index < 0 || index >= cells.size() ? null : cells.get(index);
    }

    private int find(String field) {
        for (String name : mapping.columnNames(field)) {
            int i = header.indexOf(ImportMapping.normalise(name));
            if (i >= 0) {
                return i;
            }
        }
        return -1;
    }

    private int require(String field) {
        int i = find(field);
        if (i < 0) {
            throw new no.kostra.errors.InvalidInputException(collector.file() + " overskrift: kolonnen for " + field
                    + " mangler (forventet " + NorwegianList.or(mapping.columnNames(field)) + "; fant "
                    + NorwegianList.and(header) + ")",
                    Map.of("file", collector.file(), "where", "overskrift", "field", field));
        }
        return i;
    }
}
