package no.kostra.compute.asss;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import no.kostra.compute.NorwegianFormat;
import no.kostra.observation.Figure;
import no.kostra.observation.Statistic;

/**
 * A published group figure that differs from the one computed from the members' values.
 *
 * @param computed   the computed figure rounded to the indicator's printed decimals
 * @param difference computed − published, in the indicator's unit
 */
public record Discrepancy(String indicator, String group, int year, String statistic, double published,
                          double computed, double difference) {

    /**
     * Compares each published statistic with the computed one. A published figure is rounded: printed with p decimals
     * (the indicator's, or more if it carries more) it stands for every value within half a unit of its last decimal.
     * It is a discrepancy when the computed figure lies outside that interval (a printed 1,000 is not contradicted by
     * a computed 0,99996; a stored 0,9555 is not contradicted by 0,95549999).
     *
     * @return the discrepancies, each with the computed figure rounded to p decimals
     */
    public static List<Discrepancy> between(String indicator, int decimals, String group, int year,
                                            GroupFigures computed, Map<Statistic, Figure> published) {
        List<Discrepancy> out = new ArrayList<>();
        for (Statistic statistic : Statistic.values()) {
            Figure printed = published.get(statistic);
            Double value = switch (statistic) {
                case MEAN -> computed.mean();
                case HIGH -> computed.high() == null ? null : computed.high().value();
                case LOW -> computed.low() == null ? null : computed.low().value();
            };
            if (printed == null || !printed.hasValue() || value == null) {
                continue;
            }
            BigDecimal stated = BigDecimal.valueOf(printed.value()).stripTrailingZeros();
            int precision = Math.max(decimals, stated.scale());
            double halfUnit = 0.5 * Math.pow(10, -precision);
            if (Math.abs(value - printed.value()) > halfUnit * (1 + 1e-9) + 1e-12) {
                BigDecimal rounded = NorwegianFormat.round(value, precision);
                out.add(new Discrepancy(indicator, group, year, statistic.code(), printed.value(), rounded.doubleValue(),
                        rounded.subtract(BigDecimal.valueOf(printed.value())).doubleValue()));
            }
        }
        return out;
    }
}
