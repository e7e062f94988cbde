package no.kostra.web;

import java.math.BigDecimal;
import java.util.List;
import no.kostra.catalog.Region;
import no.kostra.store.FigureChange;
import no.kostra.store.ImportLog;
import no.kostra.store.RevisionRepository;

/** The CSV form of the import routes' answers: one row per import, change or revision, column names in bokmål. */
final class ImportCsv {
    private ImportCsv() {
    }

    static CsvSheet imports(List<ImportLog.Entry> imports) {
        CsvSheet.Builder sheet = CsvSheet.of("import", "type", "fil", "årgang", "importert", "lest", "nye", "endret",
                "gjort_endelige", "uendret", "avvist", "datarevisjon");
        imports.forEach(i -> sheet.row(i.id(), i.kind(), i.file(), i.vintage(), i.importedAt().toString(), i.read(), i.added(),
                i.changed(), i.vintageChanged(), i.unchanged(), i.rejected(), i.dataRevision()));
        return sheet.build();
    }

    /** {@code endring}: "verdi" where the figure changed, "årgang" where only its vintage did. */
    static CsvSheet changes(List<FigureChange> changes) {
        CsvSheet.Builder sheet = CsvSheet.of("indikator", "region", "år", "statistikk", "endring", "før", "før_årgang",
                "før_kilde", "etter", "etter_årgang", "etter_kilde", "konflikt");
        for (FigureChange c : changes) {
            sheet.row(c.indicator(), c.region(), c.year(), c.statistic(), c.kind().equals(FigureChange.VALUE) ? "verdi" : "årgang",
                    figure(c.before()), c.beforeVintage(), c.beforeSource(), figure(c.after()), c.afterVintage(), c.afterSource(),
                    c.isConflict() ? "ja" : "nei");
        }
        return sheet.build();
    }

    static CsvSheet revisions(String indicator, Region region, List<RevisionRepository.StoredRevision> history) {
        CsvSheet.Builder sheet = CsvSheet.of("indikator", "region", "år", "revisjon", "rapportert_kode", "verdi", "status",
                "årgang", "kilde", "import", "importnavn", "importert");
        for (RevisionRepository.StoredRevision r : history) {
            sheet.row(indicator, region.code(), r.year(), r.revision(), r.reportedCode(), r.figure().value(),
                    r.figure().hasValue() ? null : r.figure().status().symbol(), r.vintage().code(), r.source(), r.importId(),
                    r.importName(), r.importedAt().toString());
        }
        return sheet.build();
    }

    /** A change's figure: a number (written with a decimal comma), or its status symbol as text. */
    private static Object figure(String text) {
        return text.isEmpty() || !(Character.isDigit(text.charAt(text.length() - 1))) ? text : new BigDecimal(text);
    }
}
