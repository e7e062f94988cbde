package no.kostra.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import no.kostra.ingest.ImportFormat;
import no.kostra.ingest.ImportMapping;
import no.kostra.ingest.ImportOptions;
import no.kostra.ingest.ImportReport;
import no.kostra.observation.Vintage;
import no.kostra.web.Json;
import picocli.CommandLine.Option;

/** What the commands that import figures ask alike: the mapping and the vintage; and how they print a report. */
final class ImportChoices {
    @Option(names = "--mapping", paramLabel = "FIL",
            description = "Mapping som properties-fil (se docs/ingest.md): indicator.<kode>=<id>, filter.<variabel>=<kode>,"
                    + " ignore.regions.")
    Path mapping;

    @Option(names = "--vintage", defaultValue = "final", description = "preliminary (foreløpige tall) eller final (endelige) (standard: ${DEFAULT-VALUE}).")
    String vintage;

    ImportMapping mapping() throws IOException {
        return ImportMapping.fromFile(mapping);
    }

    /** @param format null: told from the file */
    ImportOptions options(ImportFormat format, ImportMapping mapping) {
        return new ImportOptions(format, null, Vintage.fromCode(vintage), mapping);
    }

    /**
     * The report as JSON on standard output; on standard error, where a person looks, its summary line and each warning
     * and implausible figure spelled out.
     */
    static void print(ImportReport report) {
        System.out.println(new String(Json.bytes(report), StandardCharsets.UTF_8));
        System.err.println(report.file() + ": " + report.summary());
        for (ImportReport.Warning warning : report.warnings()) {
            System.err.println("Advarsel: " + warning.where() + ": " + warning.message());
        }
        more(report.warned(), report.warnings().size(), "advarsler");
        for (ImportReport.Outlier outlier : report.outliers()) {
            System.err.println("Usannsynlig tall: " + outlier.where() + ": " + outlier.reason());
        }
        more(report.outlierCount(), report.outliers().size(), "usannsynlige tall");
    }

    private static void more(int all, int listed, String what) {
        if (all > listed) {
            System.err.println("… og " + (all - listed) + " " + what + " til; rapporten viser de første " + ImportReport.MAX_REASONS);
        }
    }
}
