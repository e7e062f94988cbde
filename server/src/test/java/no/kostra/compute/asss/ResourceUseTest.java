package no.kostra.compute.asss;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResourceUseTest {
    @Test
    void eachMembersSpendingOverNeedIsSetAgainstTheFlatMeanOfThoseRatios() {
        // spending per inhabitant (kroner) and calculated need per inhabitant (kroner), three members
        Map<String, Double> spending = new LinkedHashMap<>(Map.of("3201", 4260.0, "0301", 4731.0, "1103", 3912.0));
        Map<String, Double> need = Map.of("3201", 4300.0, "0301", 4500.0, "1103", 4100.0);

        Map<String, Double> indicator = ResourceUse.indicators(spending, need);

        double rBaerum = 4260.0 / 4300.0;
        double rOslo = 4731.0 / 4500.0;
        double rStavanger = 3912.0 / 4100.0;
        double mean = (rBaerum + rOslo + rStavanger) / 3;
        assertThat(indicator.get("3201")).isCloseTo(rBaerum / mean, within(1e-12));
        assertThat(indicator.get("0301")).isCloseTo(rOslo / mean, within(1e-12));
        assertThat(indicator.values().stream().mapToDouble(Double::doubleValue).average().orElseThrow())
                .as("the ASSS mean of the indicator is 1,000 by construction").isCloseTo(1.0, within(1e-12));
    }

    @Test
    void aMemberWithoutANeedFigureIsLeftOut() {
        Map<String, Double> indicator = ResourceUse.indicators(Map.of("3201", 4260.0, "0301", 4731.0), Map.of("3201", 4300.0));

        assertThat(indicator).containsOnlyKeys("3201");
        assertThat(indicator.get("3201")).isCloseTo(1.0, within(1e-12));
    }
}
