package no.kostra.workbook.roundtrip;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import no.kostra.ingest.ImportOptions;
import no.kostra.ingest.ImportReport;
import no.kostra.ingest.SeedFiles;
import no.kostra.service.Services;
import no.kostra.store.DatabaseSettings;
import no.kostra.support.AllAtOnce;
import no.kostra.support.EmptyPostgres;
import no.kostra.support.SeededServices;
import org.junit.jupiter.api.Test;

/**
 * Two service nodes on one PostgreSQL database take writes at the same moment: they queue on the database's lock row,
 * so one figure is corrected once, identical imports add it once, and the revision moves once per changing commit.
 */
class TwoNodesWritingPostgresIT {
    @Test
    void writersOnTwoNodesQueueOnTheDatabase() throws Exception {
        DatabaseSettings settings = EmptyPostgres.require();
        try (Services first = Services.open(settings, SeededServices.CLOCK);
             Services second = Services.open(settings, SeededServices.CLOCK)) {
            first.loadSeeds(SeedFiles.fromClasspath());
            List<Services> nodes = List.of(first, second);

            // two copies of one workbook changing one figure, returned through both nodes at once
            byte[] filled = first.reports().fill("kommunehelse", "3201", 2024).xlsx();
            List<Callable<UploadReport>> returns = new ArrayList<>();
            double[] values = {6.21, 6.22, 6.23, 6.24};
            for (int i = 0; i < values.length; i++) {
                byte[] copy;
                try (PersonInExcel person = new PersonInExcel(filled)) {
                    copy = person.type(RoundTripTest.TABLE, RoundTripTest.SYKEFRAVAER, "2024", values[i]).save();
                }
                Services node = nodes.get(i % 2);
                String name = "kht-" + i + ".xlsx";
                returns.add(() -> node.roundTrip().receive(name, copy, "leder", "3201", false));
            }
            List<UploadReport> returned = AllAtOnce.run(returns);
            assertThat(returned.stream().mapToInt(r -> r.counts().applied()).sum()).isEqualTo(1);
            assertThat(returned.stream().mapToInt(r -> r.counts().conflicts()).sum()).isEqualTo(values.length - 1);

            // identical imports through both nodes at once
            long before = second.figures().dataRevision();
            byte[] csv = ("region;indicator;year;value\n3201;" + RoundTripTest.RESSURSBRUK + ";2024;0,991\n")
                    .getBytes(StandardCharsets.UTF_8);
            List<Callable<ImportReport>> imports = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                Services node = nodes.get(i % 2);
                imports.add(() -> node.importer().importFile("tall.csv", csv, ImportOptions.defaults()));
            }
            List<ImportReport> imported = AllAtOnce.run(imports);
            assertThat(imported.stream().mapToInt(r -> r.added() + r.changed()).sum()).isEqualTo(1);
            assertThat(imported.stream().mapToInt(ImportReport::unchanged).sum()).isEqualTo(9);
            assertThat(first.figures().dataRevision()).isEqualTo(before + 1);
            assertThat(second.profiles().profile("3201", "KHT", 2024).rows().get(0).values().get(2).value()).isEqualTo(0.991);
        }
    }
}
