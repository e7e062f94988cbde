package no.kostra.workbook.powerquery;

import java.net.URI;
import java.time.Clock;
import no.kostra.workbook.FilledReport;
import no.kostra.workbook.ReportTemplate;

/**
 * Report workbooks that refresh themselves ({@code report --refreshable}, {@code refreshable=true}): every table of a
 * filled report backed by its data route's query, and the source line saying how to refresh. Thread-safe.
 */
public final class RefreshableReports {
    private final Clock clock;

    public RefreshableReports(Clock clock) {
        this.clock = clock;
    }

    /** The filled report made refreshable from the service at this address (as the people who open it reach it). */
    public FilledReport refreshable(FilledReport report, URI service) {
        RefreshableWorkbook workbook = new RefreshableWorkbook(service, report.dataRevision(), clock.instant());
        return report.withXlsx(workbook.write(report.xlsx(), ReportQueries.of(report.template(), report.region().code(), report.year()),
                new RefreshableWorkbook.Note(ReportTemplate.SOURCE_NAME, note(service))));
    }

    /** What the source line adds: how to refresh, that sign-in is asked for, and that opening the file does not refresh it. */
    static String note(URI service) {
        return "Tallene kan oppdateres fra " + service + " med Data > Oppdater alt (Excel ber om innlogging første gang);"
                + " de oppdateres ikke av seg selv når arbeidsboken åpnes.";
    }
}
