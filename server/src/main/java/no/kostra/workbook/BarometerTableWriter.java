package no.kostra.workbook;

import java.util.EnumMap;
import java.util.Map;
import no.kostra.compute.YearFigure;
import no.kostra.compute.barometer.Place;
import no.kostra.compute.barometer.Standings;

/**
 * Fills a Kommunebarometeret table: per sector, the municipality and the ASSS members, best place first. The places
 * are the barometer's, not the municipality's figures: the provenance marks them (statistic {@value #STATISTIC}), so a
 * returned workbook never stores an edit of one as a figure.
 */
final class BarometerTableWriter {
    static final String STATISTIC = "kommunebarometer";

    private final TableLayout table;
    private final CellWriter cells;
    private final Map<BarometerColumn, Integer> columns = new EnumMap<>(BarometerColumn.class);

    BarometerTableWriter(TableLayout table, CellWriter cells) {
        this.table = table;
        this.cells = cells;
        for (BarometerColumn column : BarometerColumn.values()) {
            columns.put(column, table.requireColumn(column.header()));
        }
    }

    /** Writes the rows; returns how many. */
    int write(Standings standings) {
        table.finishHeaders();
        table.resize(standings.rows().size());
        for (int i = 0; i < standings.rows().size(); i++) {
            Place p = standings.rows().get(i);
            for (Map.Entry<BarometerColumn, Integer> entry : columns.entrySet()) {
                CellWriter.Place place = new CellWriter.Place(table, i, entry.getValue(), p.region() + "|" + p.sector());
                switch (entry.getKey()) {
                    case ID -> CellWriter.text(place, p.region());
                    case SECTOR -> CellWriter.text(place, p.sector());
                    case MUNICIPALITY -> CellWriter.text(place, p.regionName());
                    case PLACE -> cells.figure(place, 0, p.sector(), p.region(), STATISTIC, new YearFigure(p.year(), (double) p.rank(), null));
                    case OF -> cells.figure(place, 0, p.sector(), p.region(), STATISTIC, new YearFigure(p.year(), (double) p.of(), null));
                    case GRADE -> cells.figure(place, Standings.GRADE_DECIMALS, p.sector(), p.region(), STATISTIC,
                            new YearFigure(p.year(), p.grade(), p.grade() == null ? CellWriter.NOT_AVAILABLE : null));
                }
            }
        }
        return standings.rows().size();
    }
}
