package no.kostra.workbook.roundtrip;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.JavalinTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import no.kostra.compute.ProfileRow;
import no.kostra.service.Services;
import no.kostra.support.SeededServices;
import no.kostra.web.App;
import no.kostra.web.Json;
import no.kostra.workbook.roundtrip.Decision.Outcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Ole types 101,2 for Bærum's legeårsverk per 10 000 innbyggere in 2024 (filled with 10,12; 9,92 the year before): a
 * decimal slip the team's plausibility rule doubts, beside a sound correction and a comment (issue 20, item 8). The
 * upload is held whole, nothing stored, the doubtful cell named; sent again confirmed, every edit is stored.
 */
class DoubtfulEditsTest {
    static final String TABLE = RoundTripTest.TABLE;
    static final String LEGER = "KHT.arsverk_leger_per_10000";
    static final String SYKEFRAVAER = RoundTripTest.SYKEFRAVAER;
    static final String NOTE = "Ny legevakt fra mars";
    static final String DOUBT = LEGER + " er 101,2, mer enn ti ganger tallet for året før (9,92)";

    Services services;
    byte[] returned;
    /** Where Ole typed the slip: Profil!G… of the Leger row, found by table and row key. */
    String legerCell;

    @BeforeEach
    void oleSlipsADecimal() throws Exception {
        services = SeededServices.open();
        try (PersonInExcel ole = new PersonInExcel(services.reports().fill("kommunehelse", "3201", 2024).xlsx())) {
            legerCell = "Profil!" + ole.cell(TABLE, LEGER, "2024").getAddress().formatAsString();
            returned = ole.type(TABLE, LEGER, "2024", 101.2).type(TABLE, SYKEFRAVAER, "2024", 7.1)
                    .type(TABLE, LEGER, RoundTripTest.COMMENT, NOTE).save();
        }
    }

    @AfterEach
    void close() {
        services.close();
    }

    private ProfileRow row(String indicator) {
        return services.profiles().profile("3201", "KHT", 2024).rows().stream()
                .filter(r -> r.indicator().equals(indicator)).findFirst().orElseThrow();
    }

    private static List<String> reasons(UploadReport report) {
        return report.decisions().stream().map(d -> d.edit().indicator() + ": " + d.reason()).toList();
    }

    @Test
    void aDecimalSlipHoldsTheWholeUploadNamingTheCellAndNothingIsStored() {
        long revision = services.figures().dataRevision();

        UploadReport report = services.roundTrip().receive("kht.xlsx", returned, "Ole", "3201", false);

        assertThat(report.confirmationNeeded()).isTrue();
        assertThat(report.uploadId()).isNull();
        assertThat(report.counts()).isEqualTo(new UploadReport.Counts(3, 2, 0, 0, 0, 1));
        assertThat(reasons(report)).containsExactlyInAnyOrder(
                LEGER + ": Holdt tilbake, tallet i " + legerCell + " ser feil ut: " + DOUBT + ". Ingenting fra arbeidsboken er lagret;"
                        + " er tallet riktig, send den på nytt med bekreftelse (acceptOutliers=true, eller apply --accept-outliers)",
                SYKEFRAVAER + ": Ville blitt lagret som rettelse (forrige verdi 7,27)",
                LEGER + ": Kommentaren ville blitt lagret");
        assertThat(report.heldSentence("send den på nytt med acceptOutliers=true")).isEqualTo("Ingenting er lagret: 1 rettet tall"
                + " ser feil ut og må bekreftes (" + legerCell + "); er tallene riktige, send den på nytt med acceptOutliers=true");
        assertThat(services.figures().dataRevision()).isEqualTo(revision);
        assertThat(row(LEGER).values().get(2).value()).isEqualTo(10.12);
        assertThat(row(SYKEFRAVAER).values().get(2).value()).isEqualTo(7.27);
        assertThat(services.roundTrip().comments("3201", 2024)).isEmpty();
    }

    @Test
    void theSameFileSentAgainConfirmedStoresEveryEditAndSaysTheSlipWasConfirmed() {
        services.roundTrip().receive("kht.xlsx", returned, "Ole", "3201", false);

        UploadReport confirmed = services.roundTrip().receive("kht.xlsx", returned, "Ole", "3201", false, true, null);

        assertThat(confirmed.confirmationNeeded()).isFalse();
        assertThat(confirmed.uploadId()).isNotNull();
        assertThat(confirmed.counts()).isEqualTo(new UploadReport.Counts(3, 3, 0, 0, 0, 0));
        assertThat(reasons(confirmed)).contains(LEGER + ": Lagret som rettelse (forrige verdi 10,12), bekreftet selv om tallet ser"
                + " feil ut: " + DOUBT);
        assertThat(row(LEGER).values().get(2).value()).isEqualTo(101.2);
        assertThat(row(SYKEFRAVAER).values().get(2).value()).isEqualTo(7.1);
        assertThat(services.roundTrip().comments("3201", 2024)).containsEntry(LEGER, NOTE);
    }

    @Test
    void aDryRunSaysWhatWouldBeHeldAndStoredAndNeverThatAnythingWas() {
        UploadReport report = services.roundTrip().receive("kht.xlsx", returned, "Ole", "3201", true);

        assertThat(report.confirmationNeeded()).isFalse();
        assertThat(report.decisions()).extracting(Decision::outcome).containsExactlyInAnyOrder(Outcome.HELD, Outcome.APPLIED, Outcome.APPLIED);
        assertThat(reasons(report)).noneMatch(r -> r.contains("Lagret") || r.contains("er lagret") || r.contains("Holdt"));
        assertThat(reasons(report)).contains(LEGER + ": Ville blitt holdt tilbake, tallet i " + legerCell + " ser feil ut: " + DOUBT
                + "; er tallet riktig, send arbeidsboken med bekreftelse (acceptOutliers=true, eller apply --accept-outliers)");
    }

    private static HttpResponse<String> post(int port, String query, byte[] body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/workbooks" + query))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theRouteAnswersAHeldUploadWith409AndTheReportAndAConfirmedOneWith201() {
        JavalinTest.test(App.create(services), (server, client) -> {
            HttpResponse<String> held = post(server.port(), "?name=kht.xlsx&sender=Ole&region=3201", returned);

            assertThat(held.statusCode()).isEqualTo(409);
            JsonNode body = Json.MAPPER.readTree(held.body());
            assertThat(body.path("error").asText()).isEqualTo("Ingenting er lagret: 1 rettet tall ser feil ut og må bekreftes"
                    + " (" + legerCell + "); er tallene riktige, send arbeidsboken på nytt med acceptOutliers=true");
            assertThat(body.path("detail").path("confirmationNeeded").asBoolean()).isTrue();
            assertThat(body.path("detail").path("counts").path("held").asInt()).isEqualTo(1);

            HttpResponse<String> confirmed = post(server.port(), "?name=kht.xlsx&sender=Ole&region=3201&acceptOutliers=true", returned);

            assertThat(confirmed.statusCode()).isEqualTo(201);
            assertThat(Json.MAPPER.readTree(confirmed.body()).path("counts").path("applied").asInt()).isEqualTo(3);
        });
        assertThat(row(LEGER).values().get(2).value()).isEqualTo(101.2);
    }

    @Test
    void aYesNoParameterThatIsNeitherIsA400AndStoresNothing() {
        long revision = services.figures().dataRevision();
        JavalinTest.test(App.create(services), (server, client) -> {
            for (String query : new String[] {"?acceptOutliers=ja", "?dryRun=ture"}) {
                HttpResponse<String> response = post(server.port(), query + "&name=kht.xlsx", returned);

                assertThat(response.statusCode()).as(query).isEqualTo(400);
            }
            assertThat(Json.MAPPER.readTree(post(server.port(), "?dryRun=ture", returned).body()).path("error").asText())
                    .isEqualTo("'ture' er ikke en gyldig verdi for dryRun; bruk true eller false");
        });
        assertThat(services.figures().dataRevision()).isEqualTo(revision);
    }
}
