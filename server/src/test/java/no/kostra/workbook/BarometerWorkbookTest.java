package no.kostra.workbook;

import static org.assertj.core.api.Assertions.assertThat;

import no.kostra.support.SeededServicesExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Kommunebarometeret in an area's workbook: the municipality and every ASSS member side by side, best place first. */
class BarometerWorkbookTest {
    @RegisterExtension
    final SeededServicesExtension seeded = new SeededServicesExtension();

    @Test
    void pleieOgOmsorg2024ShowsTheBarometerOf2025WithTheTwelveMembersAndBaerumsPlaceAmongThem() throws Exception {
        // given a copy of the 2025 barometer's pleie og omsorg table for the twelve members of 2024 (test places), named as
        // the barometer prints them: «Oslo» is the municipality, not the county F-03; «Trondheim» is the catalogue's
        // «Trondheim - Tråante», which the workbook shows
        StringBuilder csv = new StringBuilder("year,municipality,sector,rank,of,grade,source\n");
        String[] members = {"Oslo", "Bergen", "Bærum", "Drammen", "Fredrikstad", "Kristiansand", "Sandnes", "Stavanger",
                "Trondheim", "Tromsø", "Asker", "Lillestrøm"};
        int[] ranks = {301, 250, 340, 120, 200, 90, 60, 150, 280, 310, 20, 175};
        for (int i = 0; i < members.length; i++) {
            csv.append("2025,").append(members[i]).append(",Pleie og omsorg,").append(ranks[i]).append(",356,")
                    .append(String.format(java.util.Locale.ROOT, "%.2f", 5.5 - ranks[i] / 100.0)).append(",test copy\n");
        }
        seeded.services().analysis().referenceData().importFile("kommunebarometer.csv", csv.toString());

        try (FilledWorkbook filled = new FilledWorkbook(seeded.services().reports().fill("pleie-og-omsorg", "3201", 2024).xlsx())) {
            assertThat(filled.column("Kommunebarometer_PLO", "Kommune")).containsExactly("Asker", "Sandnes", "Kristiansand",
                    "Drammen", "Stavanger", "Lillestrøm", "Fredrikstad", "Bergen", "Trondheim - Tråante", "Oslo", "Tromsø", "Bærum");
            assertThat(Shown.text(filled.cell("Kommunebarometer_PLO", "3201", "Karakter"))).isEqualTo("2,10");
            String line = "Kommunebarometeret 2025 (KOSTRA-tall for 2024), pleie og omsorg: Bærum er rangert på 340. plass av 356"
                    + " (karakter 2,10), som nummer 12 av de 12 ASSS-kommunene.";
            assertThat(Shown.text(filled.cell("Kommunebarometeret", "B2"))).isEqualTo(line);
            assertThat(Shown.text(filled.cell("Profil 67 år+", "B2"))).isEqualTo(line);
            // the places are the barometer's, not figures to correct: a returned workbook may not store an edit of one
            assertThat(ProvenanceSheet.read(filled.workbook()).orElseThrow().cells().stream()
                    .filter(c -> c.table().equals("Kommunebarometer_PLO"))).allMatch(c -> "kommunebarometer".equals(c.statistic()));
        }
    }

    @Test
    void anUntouchedAreaWorkbookAndSummaryReadBackWithNoEdit() {
        for (String template : java.util.List.of("pleie-og-omsorg", "sammendrag")) {
            byte[] filled = seeded.services().reports().fill(template, "3201", 2024).xlsx();

            var report = seeded.services().roundTrip().receive(template + ".xlsx", filled, "Kari", null, true);

            assertThat(report.decisions()).as(template).isEmpty();
        }
    }
}
