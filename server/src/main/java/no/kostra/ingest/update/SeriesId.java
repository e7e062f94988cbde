package no.kostra.ingest.update;

import no.kostra.catalog.IndicatorSource;

/** One series of one table: what several indicators may share (inhabitants from 07459 is every per-capita denominator). */
record SeriesId(String table, String contents, String filters) {
    static SeriesId of(IndicatorSource source) {
        return new SeriesId(source.table(), source.contents(), source.filtersText());
    }
}
