package no.kostra.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.testtools.JavalinTest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import no.kostra.support.SeededServicesExtension;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every JSON route rounds its numbers as the README says: to at most six decimals, only to remove binary noise. */
class RoundingApiTest {
    @RegisterExtension
    static final SeededServicesExtension SEEDED = new SeededServicesExtension();

    @ParameterizedTest
    @ValueSource(strings = {
            "/api/profile?region=3201&area=KHT&year=2024",
            "/api/profile?region=3201&area=PLO_67&year=2024",
            "/api/comparison?region=3201&indicator=KHT.ressursbruksindikator&year=2024",
            "/api/comparison?region=3201&indicator=KHT.serie_netto_per_innbygger&year=2024",
            "/api/series?indicator=KHT.serie_netto_per_innbygger&regions=3201,ASSS,3203&from=2021&to=2024",
            "/api/efficiency?region=3201&area=PLO&from=2023&to=2024",
            "/api/efficiency?region=3201&area=KHT&from=2023&to=2024",
            "/api/accounts?area=PLO",
            "/api/splits/home-care?region=3201&year=2024",
            "/api/value?region=3201&indicator=KHT.ressursbruksindikator&year=2024",
            "/api/index?region=3201&indicator=KHT.netto_driftsutgifter_per_innbygger&year=2024"})
    void noNumberCarriesMoreThanSixDecimals(String route) {
        JavalinTest.test(App.create(SEEDED.services()), (server, client) -> {
            var response = client.get(route);
            String body = response.body().string();
            assertThat(response.code()).as(body).isLessThan(500);
            List<String> noisy = new ArrayList<>();
            collect("", Json.MAPPER.readTree(body), noisy);
            assertThat(noisy).as(route).isEmpty();
        });
    }

    private static void collect(String path, JsonNode node, List<String> noisy) {
        if (node.isNumber()) {
            if (new BigDecimal(node.asText()).stripTrailingZeros().scale() > 6) {
                noisy.add(path + " = " + node.asText());
            }
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : (Iterable<Map.Entry<String, JsonNode>>) node::fields) {
                collect(path + "." + field.getKey(), field.getValue(), noisy);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(path + "[" + i + "]", node.get(i), noisy);
            }
        }
    }
}
