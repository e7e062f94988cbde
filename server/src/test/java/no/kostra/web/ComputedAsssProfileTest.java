package no.kostra.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.JavalinTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import no.kostra.support.Http;
import no.kostra.support.SeededServicesExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * In March the members' figures for the report year are out and KS's ASSS figures are not (issue 13, item 5): the
 * profile forms the ASSS mean, highest and lowest from that year's members and says so; KS's figures take over when they
 * arrive, and every difference beyond rounding is listed.
 */
class ComputedAsssProfileTest {
    private static final String RESSURSBRUK = "KHT.ressursbruksindikator";
    /** The 2025 ressursbruksindikator of the twelve ASSS members (test figures, not published ones). */
    private static final Map<String, Double> MEMBERS_2025 = new LinkedHashMap<>();

    static {
        MEMBERS_2025.put("0301", 1.021);
        MEMBERS_2025.put("4601", 0.944);
        MEMBERS_2025.put("3201", 0.950);
        MEMBERS_2025.put("3301", 1.012);
        MEMBERS_2025.put("3107", 1.090);
        MEMBERS_2025.put("4204", 0.987);
        MEMBERS_2025.put("1108", 1.003);
        MEMBERS_2025.put("1103", 0.968);
        MEMBERS_2025.put("5001", 0.931);
        MEMBERS_2025.put("5501", 1.044);
        MEMBERS_2025.put("3203", 1.005);
        MEMBERS_2025.put("3205", 1.061);
    }

    @RegisterExtension
    final SeededServicesExtension seeded = new SeededServicesExtension();

    private static int post(int port, String name, String csv) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/imports?format=csv&name=" + name)).POST(HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8))
                .build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private static JsonNode row(JsonNode profile, String indicator) {
        return Http.find(profile.path("profile").path("rows"), "indicator", indicator);
    }

    @Test
    void withoutKsFiguresTheMeanIsFormedFromTheMembersAndMarkedUntilKsFiguresTakeOver() {
        JavalinTest.test(App.create(seeded.services()), (server, client) -> {
            // given every member's 2025 figure and no ASSS figures of KS's for 2025
            StringBuilder csv = new StringBuilder("region;indicator;year;value\n");
            MEMBERS_2025.forEach((region, value) -> csv.append(region).append(';').append(RESSURSBRUK).append(";2025;")
                    .append(value.toString().replace('.', ',')).append('\n'));
            assertThat(post(server.port(), "medlemmer-2025.csv", csv.toString())).isEqualTo(201);

            // when the 2025 profile is asked for
            JsonNode row = row(Http.json(client.get("/api/profile?region=3201&area=KHT&year=2025")), RESSURSBRUK);

            // then its ASSS figures are formed from the twelve members, flat as the layout says, and marked computed
            double mean = MEMBERS_2025.values().stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            assertThat(row.path("asss").path("basis").asText()).isEqualTo("computed");
            assertThat(row.path("asss").path("meanKind").asText()).isEqualTo("flat");
            assertThat(row.path("asss").path("mean").path("value").asDouble()).isCloseTo(mean, within(5e-7));
            assertThat(row.path("asss").path("high").path("value").asDouble()).isEqualTo(1.090);
            assertThat(row.path("asss").path("low").path("value").asDouble()).isEqualTo(0.931);
            assertThat(row.path("index").asDouble()).isCloseTo(0.950 / mean * 100, within(5e-7));
            assertThat(row.path("narrative").get(0).asText()).startsWith("Bærum ligger")
                    .contains("det beregnede ASSS-snittet på ressursbruksindikatoren for kommunehelse i 2025");

            // when KS's figures for 2025 arrive, a little different from the computed mean
            assertThat(post(server.port(), "asss-2025.csv", "group;indicator;year;statistic;value\n"
                    + "ASSS;" + RESSURSBRUK + ";2025;mean;1,003\n"
                    + "ASSS;" + RESSURSBRUK + ";2025;high;1,090\n"
                    + "ASSS;" + RESSURSBRUK + ";2025;low;0,931\n")).isEqualTo(201);

            // then they take over, and the difference beyond rounding is listed for the profile
            JsonNode published = row(Http.json(client.get("/api/profile?region=3201&area=KHT&year=2025")), RESSURSBRUK);
            assertThat(published.path("asss").path("basis").asText()).isEqualTo("published");
            assertThat(published.path("asss").path("mean").path("value").asDouble()).isEqualTo(1.003);
            assertThat(published.path("narrative").get(0).asText()).contains(" ASSS-snittet").doesNotContain("beregnede");
            JsonNode listed = Http.json(client.get("/api/comparison/discrepancies?profile=KHT&from=2025&to=2025"))
                    .path("discrepancies");
            assertThat(listed).hasSize(1);
            assertThat(listed.get(0).path("indicator").asText()).isEqualTo(RESSURSBRUK);
            assertThat(listed.get(0).path("statistic").asText()).isEqualTo("mean");
            assertThat(listed.get(0).path("published").asDouble()).isEqualTo(1.003);
            assertThat(listed.get(0).path("computed").asDouble()).isCloseTo(
                    Math.round(mean * 1000) / 1000.0, within(1e-9));
        });
    }

    @Test
    void aYearInWhichAMemberHasNoFigureGetsNoComputedMean() {
        JavalinTest.test(App.create(seeded.services()), (server, client) -> {
            StringBuilder csv = new StringBuilder("region;indicator;year;value\n");
            MEMBERS_2025.entrySet().stream().filter(e -> !e.getKey().equals("5501")).forEach(e -> csv.append(e.getKey())
                    .append(';').append(RESSURSBRUK).append(";2025;").append(e.getValue().toString().replace('.', ',')).append('\n'));
            assertThat(post(server.port(), "elleve-2025.csv", csv.toString())).isEqualTo(201);

            JsonNode row = row(Http.json(client.get("/api/profile?region=3201&area=KHT&year=2025")), RESSURSBRUK);

            assertThat(row.path("asss").path("basis").asText()).isEqualTo("published");
            assertThat(row.path("asss").path("mean").path("value").isNull()).isTrue();
            assertThat(row.path("index").isNull()).isTrue();
            assertThat(Arrays.asList(row.path("asss").path("mean").path("status").asText())).containsExactly("..");
        });
    }
}
