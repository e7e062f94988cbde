package no.kostra.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.testtools.JavalinTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.LongStream;
import no.kostra.support.AllAtOnce;
import no.kostra.support.SeededServicesExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Imports posted at the same moment (the probe of issue 12): writers queue, none is a 500, the data revision moves once
 * for every commit that changed something and follows commit order, and no cached answer outlives a commit.
 */
class ConcurrentImportsTest {
    private static final String RESSURSBRUK = "KHT.ressursbruksindikator";
    private static final String VALUE_ROUTE = "/api/value?region=3201&indicator=" + RESSURSBRUK + "&year=2024";

    @RegisterExtension
    final SeededServicesExtension seeded = new SeededServicesExtension();

    private static String csv(String value) {
        return "region;indicator;year;value\n3201;" + RESSURSBRUK + ";2024;" + value + "\n";
    }

    private static JsonNode post(HttpClient http, int port, String name, String body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/imports?format=csv&name=" + name))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
        ObjectNode answer = (ObjectNode) Json.MAPPER.readTree(response.body());
        answer.put("httpStatus", response.statusCode());
        return answer;
    }

    private static List<JsonNode> postAllAtOnce(int port, List<String> bodies) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        List<Callable<JsonNode>> posts = new ArrayList<>();
        for (int i = 0; i < bodies.size(); i++) {
            String name = "tall-" + i + ".csv";
            String body = bodies.get(i);
            posts.add(() -> post(http, port, name, body));
        }
        return AllAtOnce.run(posts);
    }

    @Test
    void twentyIdenticalImportsAtOnceAddTheFigureOnceAndAreNeverA500() throws Exception {
        JavalinTest.test(App.create(seeded.services()), (server, client) -> {
            for (int round = 0; round < 5; round++) {
                // given twenty copies of one small file with a figure not stored yet
                List<String> copies = new ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    copies.add(csv("0," + (900 + round)));
                }

                // when they are posted at the same moment
                List<JsonNode> answers = postAllAtOnce(server.port(), copies);

                // then one changed the figure and nineteen found it stored already
                assertThat(answers).extracting(a -> a.path("httpStatus").asInt()).as("round %d", round).containsOnly(200, 201);
                assertThat(answers.stream().filter(a -> a.path("httpStatus").asInt() == 201)).hasSize(1);
                assertThat(answers.stream().filter(a -> a.path("unchanged").asInt() == 1)).hasSize(19);
            }
        });
    }

    @Test
    void theRevisionMovesOnceForEveryChangingCommitInCommitOrderAndTheLastCommitIsWhatIsServed() throws Exception {
        JavalinTest.test(App.create(seeded.services()), (server, client) -> {
            // given a cached answer at the revision before
            long before = seeded.services().figures().dataRevision();
            assertThat(Json.MAPPER.readTree(client.get(VALUE_ROUTE).body().string()).path("value").asDouble()).isEqualTo(0.972);

            // when eight imports, each setting the figure to a value of its own, are posted at once
            List<String> bodies = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                bodies.add(csv("0,95" + i));
            }
            List<JsonNode> answers = postAllAtOnce(server.port(), bodies);

            // then each moved the revision to a number of its own, with no gap and none used twice
            assertThat(answers).extracting(a -> a.path("httpStatus").asInt()).containsOnly(201);
            assertThat(answers).extracting(a -> a.path("dataRevision").asLong())
                    .containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(before + 1, before + 8).boxed().toList());
            // and the figure served is the one of the import that committed last, under the newest revision
            JsonNode last = answers.stream().max(Comparator.comparingLong(a -> a.path("dataRevision").asLong())).orElseThrow();
            double lastValue = Double.parseDouble(bodies.get(answers.indexOf(last)).split(";")[6].replace(',', '.').trim());
            JsonNode served = Json.MAPPER.readTree(client.get(VALUE_ROUTE).body().string());
            assertThat(served.path("dataRevision").asLong()).isEqualTo(before + 8);
            assertThat(served.path("value").asDouble()).isEqualTo(lastValue);
        });
    }

    @Test
    void unchangedAndRefusedImportsLeaveTheRevisionWhereItWas() throws Exception {
        JavalinTest.test(App.create(seeded.services()), (server, client) -> {
            HttpClient http = HttpClient.newHttpClient();
            long before = seeded.services().figures().dataRevision();

            JsonNode changed = post(http, server.port(), "a.csv", csv("0,961"));
            JsonNode again = post(http, server.port(), "a.csv", csv("0,961"));
            JsonNode refused = post(http, server.port(), "b.csv", csv("0,962") + "9999;" + RESSURSBRUK + ";2024;1\n");
            JsonNode next = post(http, server.port(), "c.csv", csv("0,963"));

            assertThat(changed.path("dataRevision").asLong()).isEqualTo(before + 1);
            assertThat(again.path("dataRevision").asLong()).isEqualTo(before + 1);
            assertThat(refused.path("httpStatus").asInt()).isEqualTo(400);
            assertThat(next.path("dataRevision").asLong()).isEqualTo(before + 2);
            assertThat(Json.MAPPER.readTree(client.get(VALUE_ROUTE).body().string()).path("value").asDouble()).isEqualTo(0.963);
        });
    }
}
