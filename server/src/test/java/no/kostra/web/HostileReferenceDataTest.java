package no.kostra.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.testtools.JavalinTest;
import no.kostra.support.SeededServicesExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reference files with numbers no column can hold, and hours that split nothing, are 400s that say why, never 500s. */
class HostileReferenceDataTest {
    @RegisterExtension
    final SeededServicesExtension seeded = new SeededServicesExtension();

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "deflators.csv|year,deflator_percent,source\\n2024,NaN,x\\n",
            "deflators.csv|year,deflator_percent,source\\n2024,1e308,x\\n",
            "expense_need.csv|region,area,year,need_index,source\\n3201,KHT,2024,Infinity,x\\n",
            "expense_need.csv|region,area,year,need_index,source\\n3201,KHT,2024,1e308,x\\n",
            "efficiency_components.csv|area,role,indicator,weight,source\\nKHT,production,KHT.konsultasjoner_fastlege_per_1000,1e308,x\\n",
            "home_care_hours.csv|region,year,profile,hours,source\\n3201,2024,PLO_67,NaN,x\\n"})
    void aNumberNoColumnCanHoldIsRefusedNamingItsPlace(String file, String csv) {
        JavalinTest.test(App.create(seeded.services()), (server, client) -> {
            long revision = seeded.services().figures().dataRevision();
            var response = client.post("/api/reference/" + file, csv.replace("\\n", "\n"));

            assertThat(response.code()).isEqualTo(400);
            assertThat(Json.MAPPER.readTree(response.body().string()).path("error").asText()).contains(file, "linje 2");
            assertThat(seeded.services().figures().dataRevision()).isEqualTo(revision);
        });
    }

    @Test
    void noHoursForAnyProfileIsA400ThatSaysTheSplitCannotBeMade() {
        JavalinTest.test(App.create(seeded.services()), (server, client) -> {
            client.post("/api/reference/home_care_hours.csv",
                    "region,year,profile,hours,source\n3201,2024,PLO_0_66,0,x\n3201,2024,PLO_67,0,x\n");

            var response = client.get("/api/splits/home-care?region=3201&year=2024");

            assertThat(response.code()).isEqualTo(400);
            assertThat(Json.MAPPER.readTree(response.body().string()).path("error").asText())
                    .isEqualTo("Tildelte timer per uke for Bærum i 2024 er 0 for alle tjenesteprofiler, så"
                            + " hjemmetjenestene kan ikke fordeles; importer home_care_hours.csv med timene");
        });
    }
}
