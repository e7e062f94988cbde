package no.kostra.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.JavalinTest;
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
}
