package no.kostra.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.JavalinTest;
import no.kostra.support.Http;
import no.kostra.support.SeededServicesExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The profile answer's narrative field and its CSV form (PLO 0–66, 001). */
class ProfileNarrativeApiTest {
    @RegisterExtension
    final SeededServicesExtension seeded = new SeededServicesExtension();

    @Test
    void everyProfileRowCarriesItsNarrative() {
        JavalinTest.test(App.create(seeded.services()), (server, client) -> {
            JsonNode rows = Json.MAPPER.readTree(client.get("/api/profile?region=3201&area=PLO_0_66&year=2024").body().string())
                    .path("profile").path("rows");

            // 001: "Bærum ligger 14 prosent over ASSS-snitt på driftsutgifter til hjemmetjenester per innbygger 0-66 år";
            // the table shows 14,1 (12 268 / 10 749), and so does the sentence, naming the row by its short name
            assertThat(rows.get(1).path("narrative").get(0).asText()).isEqualTo("Bærum ligger 14,1 prosent over ASSS-snittet på"
                    + " netto driftsutgifter til hjemmetjenester per innbygger 0–66 år i 2024.");
            rows.forEach(row -> assertThat(row.path("narrative").size()).as(row.path("indicator").asText()).isPositive());
        });
    }

    @Test
    void theProfileComesAsCsvWithItsNarrative() {
        JavalinTest.test(App.create(seeded.services()), (server, client) -> {
            String csv = client.get("/api/profile?region=3201&area=PLO_0_66&year=2024&format=csv").body().string();

            String[] lines = csv.replace("\uFEFF", "").split("\r\n");
            assertThat(lines[0]).isEqualTo("indikator;navn;kategori;enhet;2022;2023;2024;snitt_asss;høyest_asss;lavest_asss;"
                    + "indeks;avvik_prosent;tekst");
            assertThat(lines[2]).startsWith("PLO.netto_hjemmetjeneste_0_66_per_innbygger;Netto driftsutgifter hjemmetjeneste"
                    + " 0-66 år per innbygger 0-66 år (kroner);Prioritering og behov;kroner;11735;12533;12268;10749;13625;8876;");
            assertThat(lines).hasSize(6);
        });
    }

    @Test
    void theCsvShowsEveryFigureAsTheTableDoesRoundedAndAMissingOneAsItsStatus() {
        JavalinTest.test(App.create(seeded.services()), (server, client) -> {
            String csv = client.get("/api/profile?region=3201&area=KHT&year=2024&format=csv").body().string();

            // the indicator's decimals for figures (a mean of 1,000 keeps its zeros), one decimal for index and deviation;
            // 102,7 is 98,4 / 95,8 × 100 = 102,71399…
            assertThat(line(csv, "KHT.ressursbruksindikator")).startsWith("KHT.ressursbruksindikator;Ressursbruksindikator."
                    + " Kommunehelse*;Prioritering;forholdstall;1,016;0,998;0,972;1,000;1,083;0,926;97,2;-2,8;Bærum ");
            assertThat(line(csv, "KHT.andel_helsesamtaler_8_trinn")).contains(";prosent;..;..;98,4;95,8;114,0;58,4;102,7;2,7;");
        });
    }

    @Test
    void aReportYearFigureThatIsMissingLeavesItsIndexAndDeviationNotAvailable() {
        JavalinTest.test(App.create(seeded.services()), (server, client) -> {
            var imported = Http.postCsv(client, "/api/imports?name=status.csv&format=csv",
                    "region;indicator;year;value;status\n3201;KHT.andel_helsesamtaler_8_trinn;2024;;:\n");
            assertThat(imported.code()).isEqualTo(201);

            String csv = client.get("/api/profile?region=3201&area=KHT&year=2024&format=csv").body().string();

            assertThat(line(csv, "KHT.andel_helsesamtaler_8_trinn")).contains(";prosent;..;..;:;95,8;114,0;58,4;..;..;");
        });
    }

    private static String line(String csv, String indicator) {
        return csv.lines().filter(l -> l.startsWith(indicator + ";")).findFirst().orElseThrow();
    }
}
