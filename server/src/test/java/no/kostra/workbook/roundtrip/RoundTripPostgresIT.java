package no.kostra.workbook.roundtrip;

import static org.assertj.core.api.Assertions.assertThat;

import no.kostra.ingest.SeedFiles;
import no.kostra.service.Services;
import no.kostra.support.EmptyPostgres;
import no.kostra.support.SeededServices;
import org.junit.jupiter.api.Test;

/** A returned workbook on a real PostgreSQL server: the file kept as bytea, corrections and comments stored alike. */
class RoundTripPostgresIT {
    @Test
    void aReturnedWorkbookIsAppliedOnceOnPostgres() throws Exception {
        try (Services services = Services.open(EmptyPostgres.require(), SeededServices.CLOCK)) {
            services.loadSeeds(SeedFiles.fromClasspath());
            byte[] returned;
            try (PersonInExcel ole = new PersonInExcel(services.reports().fill("kommunehelse", "3201", 2024).xlsx())) {
                returned = ole.type(RoundTripTest.TABLE, RoundTripTest.RESSURSBRUK, "2024", 0.975)
                        .type(RoundTripTest.TABLE, RoundTripTest.SYKEFRAVAER, RoundTripTest.COMMENT, "Sjekket mot egne tall")
                        .save();
            }

            UploadReport first = services.roundTrip().receive("kht.xlsx", returned, "Ole", "3201", false);
            UploadReport second = services.roundTrip().receive("kht.xlsx", returned, "Ole", "3201", false);

            assertThat(first.counts()).isEqualTo(new UploadReport.Counts(2, 2, 0, 0, 0, 0));
            assertThat(services.roundTrip().content(first.uploadId())).isEqualTo(returned);
            assertThat(services.roundTrip().upload(first.uploadId()).fileBytes()).isEqualTo(returned.length);
            assertThat(second.alreadyReceived()).isEqualTo(first.uploadId());
            assertThat(services.profiles().profile("3201", "KHT", 2024).rows().get(0).values().get(2).value()).isEqualTo(0.975);
            assertThat(services.roundTrip().comments("3201", 2024)).containsEntry(RoundTripTest.SYKEFRAVAER, "Sjekket mot egne tall");
        }
    }
}
