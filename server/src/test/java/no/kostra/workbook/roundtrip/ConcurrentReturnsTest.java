package no.kostra.workbook.roundtrip;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.JavalinTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import no.kostra.service.Services;
import no.kostra.support.AllAtOnce;
import no.kostra.support.SeededServicesExtension;
import no.kostra.web.App;
import no.kostra.web.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Copies of one workbook come back at the same moment (the probe of issue 12): every edit is decided against what is
 * committed, so one figure is never corrected twice from the same starting point, and nothing is a 500.
 */
class ConcurrentReturnsTest {
    private static final String TABLE = RoundTripTest.TABLE;
    private static final String SYKEFRAVAER = RoundTripTest.SYKEFRAVAER;

    @RegisterExtension
    final SeededServicesExtension seeded = new SeededServicesExtension();

    private static byte[] copyWith(byte[] filled, double sickLeave) throws Exception {
        try (PersonInExcel person = new PersonInExcel(filled)) {
            return person.type(TABLE, SYKEFRAVAER, "2024", sickLeave).save();
        }
    }

    static List<JsonNode> postAllAtOnce(int port, List<byte[]> files) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        List<Callable<JsonNode>> posts = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            byte[] body = files.get(i);
            String query = "?name=kht-" + i + ".xlsx&sender=leder" + i;
            posts.add(() -> {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/workbooks" + query)).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                        HttpResponse.BodyHandlers.ofString());
                JsonNode answer = Json.MAPPER.readTree(response.body());
                ((com.fasterxml.jackson.databind.node.ObjectNode) answer).put("httpStatus", response.statusCode());
                return answer;
            });
        }
        return AllAtOnce.run(posts);
    }

    private static long outcomes(List<JsonNode> answers, String outcome) {
        return answers.stream().filter(a -> a.path("decisions").path(0).path("outcome").asText().equals(outcome)).count();
    }

    @Test
    void twoCopiesChangingOneFigureAtTheSameMomentAreOneCorrectionAndOneConflictEveryTime() throws Exception {
        Services services = seeded.services();
        JavalinTest.test(App.create(services), (server, client) -> {
            double[][] rounds = {{6.21, 6.22}, {6.31, 6.32}, {6.41, 6.42}, {6.51, 6.52}, {6.61, 6.62}};
            for (int round = 0; round < rounds.length; round++) {
                // given a freshly filled workbook, and two copies that change the same figure two ways
                byte[] filled = services.reports().fill("kommunehelse", "3201", 2024).xlsx();
                double first = rounds[round][0];
                double second = rounds[round][1];

                // when both come back at the same moment
                List<JsonNode> answers = postAllAtOnce(server.port(), List.of(copyWith(filled, first), copyWith(filled, second)));

                // then one is applied and the other is a conflict naming what is stored now
                assertThat(answers).extracting(a -> a.path("httpStatus").asInt()).containsOnly(201);
                assertThat(outcomes(answers, "APPLIED")).as("round %d: %s", round, answers).isEqualTo(1);
                assertThat(outcomes(answers, "CONFLICT")).as("round %d: %s", round, answers).isEqualTo(1);
                JsonNode applied = answers.stream().filter(a -> a.path("decisions").path(0).path("outcome").asText()
                        .equals("APPLIED")).findFirst().orElseThrow();
                JsonNode conflict = answers.stream().filter(a -> a != applied).findFirst().orElseThrow();
                double appliedValue = applied.path("decisions").path(0).path("edit").path("newNumber").asDouble();
                assertThat(appliedValue).isIn(first, second);
                assertThat(Double.parseDouble(conflict.path("decisions").path(0).path("storedNow").asText())).isEqualTo(appliedValue);
                assertThat(services.profiles().profile("3201", "KHT", 2024).rows().stream()
                        .filter(r -> r.indicator().equals(SYKEFRAVAER)).findFirst().orElseThrow().values().get(2).value())
                        .isEqualTo(appliedValue);
            }
        });
    }

    @Test
    void tenCopiesWithTenDifferentEditsAreEachDecidedAndNoneIsA500() throws Exception {
        Services services = seeded.services();
        byte[] filled = services.reports().fill("kommunehelse", "3201", 2024).xlsx();
        List<byte[]> copies = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            copies.add(copyWith(filled, 6.30 + i / 100.0));
        }
        JavalinTest.test(App.create(services), (server, client) -> {
            List<JsonNode> answers = postAllAtOnce(server.port(), copies);

            assertThat(answers).extracting(a -> a.path("httpStatus").asInt()).containsOnly(201);
            assertThat(outcomes(answers, "APPLIED")).as("%s", answers).isEqualTo(1);
            assertThat(outcomes(answers, "CONFLICT")).as("%s", answers).isEqualTo(9);
        });
    }

    @Test
    void twentyIdenticalUploadsAtOnceAreKeptOnceAndTheOthersPointAtIt() throws Exception {
        Services services = seeded.services();
        byte[] copy = copyWith(services.reports().fill("kommunehelse", "3201", 2024).xlsx(), 6.5);
        List<byte[]> same = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            same.add(copy);
        }
        JavalinTest.test(App.create(services), (server, client) -> {
            List<JsonNode> answers = postAllAtOnce(server.port(), same);

            assertThat(answers).extracting(a -> a.path("httpStatus").asInt()).containsOnly(200, 201);
            List<JsonNode> kept = answers.stream().filter(a -> a.path("httpStatus").asInt() == 201).toList();
            assertThat(kept).hasSize(1);
            String id = kept.get(0).path("uploadId").asText();
            assertThat(answers.stream().filter(a -> a.path("httpStatus").asInt() == 200))
                    .allSatisfy(a -> assertThat(a.path("alreadyReceived").asText()).isEqualTo(id));
        });
    }
}
