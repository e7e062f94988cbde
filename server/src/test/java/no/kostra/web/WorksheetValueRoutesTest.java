package no.kostra.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.JavalinTest;
import io.javalin.testtools.Response;
import no.kostra.support.SeededServicesExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The figures behind KOSTRA.VERDI, KOSTRA.ASSS and KOSTRA.INDEKS, on the real app and the seeds from 000_…
 * (Kommunehelse): ressursbruksindikator Bærum 1,016 / 0,998 / 0,972 for 2022–2024, ASSS 2024 snitt 1,000,
 * høyest 1,083, lavest 0,926.
 */
class WorksheetValueRoutesTest {
    private static final String RESSURSBRUK = "KHT.ressursbruksindikator";
    @RegisterExtension
    static final SeededServicesExtension SEEDED = new SeededServicesExtension();

    private static JsonNode get(String path, int expectedStatus) {
        JsonNode[] body = new JsonNode[1];
        JavalinTest.test(App.create(SEEDED.services()), (server, client) -> {
            Response response = client.get(path);
            assertThat(response.code()).as(path).isEqualTo(expectedStatus);
            assertThat(response.headers().get("Access-Control-Allow-Origin")).containsExactly("*");
            body[0] = Json.MAPPER.readTree(response.body().string());
        });
        return body[0];
    }

    @Test
    void valueFollowsTheOldMunicipalityNumberToBaerum() {
        JsonNode value = get("/api/value?region=3024&indicator=" + RESSURSBRUK + "&year=2023", 200);

        assertThat(value.path("region").path("code").asText()).isEqualTo("3201");
        assertThat(value.path("region").path("name").asText()).isEqualTo("Bærum");
        assertThat(value.path("indicator").path("name").asText()).isEqualTo("Ressursbruksindikator. Kommunehelse*");
        assertThat(value.path("value").asDouble()).isEqualTo(0.998);
        assertThat(value.path("status").isNull()).isTrue();
        assertThat(value.path("dataRevision").asLong()).isEqualTo(SEEDED.services().figures().dataRevision());
    }

    @Test
    void asssGivesThePublishedMeanHighestAndLowestByTheirNorwegianNames() {
        String base = "/api/asss?indicator=" + RESSURSBRUK + "&year=2024&statistic=";

        assertThat(get(base + "snitt", 200).path("value").asDouble()).isEqualTo(1.000);
        assertThat(get(base + "h%C3%B8yest", 200).path("value").asDouble()).isEqualTo(1.083);
        assertThat(get(base + "low", 200).path("value").asDouble()).isEqualTo(0.926);
        assertThat(get(base + "high", 200).path("statistic").asText()).isEqualTo("high");
    }

    @Test
    void indexIsTheValueOverTheAsssMeanTimesHundred() {
        JsonNode index = get("/api/index?region=3201&indicator=" + RESSURSBRUK + "&year=2024", 200);

        // 0,972 / 1,000 × 100
        assertThat(index.path("value").asDouble()).isEqualTo(97.2);
        assertThat(index.path("basis").asText()).isEqualTo("ASSS-snitt = 100");
    }

    @Test
    void aMissingFigureAnswersWithItsStatusNotZero() {
        JsonNode value = get("/api/value?region=3201&indicator=KHT.andel_helsesamtaler_8_trinn&year=2022", 200);
        JsonNode index = get("/api/index?region=3201&indicator=KHT.andel_helsesamtaler_8_trinn&year=2022", 200);
        JsonNode notStored = get("/api/value?region=3201&indicator=" + RESSURSBRUK + "&year=2010", 200);

        assertThat(value.path("value").isNull()).isTrue();
        assertThat(value.path("status").asText()).isEqualTo("..");
        assertThat(index.path("status").asText()).isEqualTo("..");
        assertThat(notStored.path("status").asText()).isEqualTo("..");
    }

    @Test
    void anUnknownRegionOrIndicatorIsNotFoundWithTheNameAsked() {
        JsonNode region = get("/api/value?region=9999&indicator=" + RESSURSBRUK + "&year=2024", 404);
        JsonNode indicator = get("/api/index?region=3201&indicator=KHT.finnes_ikke&year=2024", 404);

        assertThat(region.path("error").asText())
                .isEqualTo("Fant ingen kommune med nummer 9999. Kommunene og numrene deres står i /api/regions.");
        assertThat(indicator.path("error").asText()).isEqualTo("Fant ikke indikator KHT.finnes_ikke");
    }

    @Test
    void aWorksheetFunctionMayNameTheMunicipalityAsAPersonTypesIt() {
        JsonNode byName = get("/api/value?region=b%C3%A6rum&indicator=" + RESSURSBRUK + "&year=2024", 200);
        JsonNode transliterated = get("/api/index?region=Baerum&indicator=" + RESSURSBRUK + "&year=2024", 200);
        JsonNode mistyped = get("/api/value?region=B%C3%A6run&indicator=" + RESSURSBRUK + "&year=2024", 404);

        assertThat(byName.path("region").path("code").asText()).isEqualTo("3201");
        assertThat(byName.path("value").asDouble()).isEqualTo(0.972);
        assertThat(transliterated.path("value").asDouble()).isEqualTo(97.2);
        assertThat(mistyped.path("error").asText()).isEqualTo("Fant ingen kommune som heter «Bærun». Mente du Bærum (3201) eller Bardu (5520)?");
    }

    @Test
    void aGroupIsNotAMunicipalityAndAnUnknownStatisticIsRefused() {
        JsonNode group = get("/api/value?region=ASSS&indicator=" + RESSURSBRUK + "&year=2024", 400);
        JsonNode statistic = get("/api/asss?indicator=" + RESSURSBRUK + "&year=2024&statistic=median", 400);

        assertThat(group.path("error").asText()).startsWith("ASSS-snitt (ASSS) er en gruppe, ikke en kommune");
        assertThat(statistic.path("error").asText())
                .isEqualTo("Parameteren 'statistic' må være snitt, høyest eller lavest (mean, high, low), fikk 'median'");
    }

    @Test
    void revisionRouteTellsTheWorksheetFunctionsWhenToRefresh() {
        assertThat(get("/api/addin/revision", 200).path("dataRevision").asLong())
                .isEqualTo(SEEDED.services().figures().dataRevision());
    }
}
