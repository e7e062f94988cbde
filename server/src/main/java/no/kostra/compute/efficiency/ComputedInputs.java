package no.kostra.compute.efficiency;

import java.util.List;
import java.util.Objects;

/**
 * The stored figures one year's split is computed from.
 *
 * @param cost       gross operating expenses per inhabitant and the expense-need indices that correct them
 * @param production the area's production indicators with their weights (summing to 1)
 */
public record ComputedInputs(int year, Cost cost, List<Production> production) {
    public ComputedInputs {
        Objects.requireNonNull(cost, "cost");
        production = List.copyOf(production);
        if (production.isEmpty()) {
            throw new IllegalArgumentException(year + ": an efficiency split needs at least one production indicator");
        }
        double sum = production.stream().mapToDouble(Production::weight).sum();
        if (Math.abs(sum - 1.0) > 1e-6) {
            throw new IllegalArgumentException(year + ": production weights must sum to 1, they sum to " + sum);
        }
    }

    /** value per inhabitant and need index for the municipality and for ASSS (need index 1 = the national average). */
    public record Cost(double municipality, double municipalityNeed, double asss, double asssNeed) {
        public Cost {
            if (municipalityNeed <= 0 || asssNeed <= 0 || asss <= 0) {
                throw new IllegalArgumentException("Need indices and the ASSS cost must be above 0");
            }
        }

        /** C = (x_m / n_m) / (x_ASSS / n_ASSS): need-corrected spending relative to ASSS. */
        double index() {
            return (municipality / municipalityNeed) / (asss / asssNeed);
        }
    }

    public record Production(String indicator, String name, double weight, double municipality, double asss) {
        public Production {
            if (weight < 0 || asss == 0) {
                throw new IllegalArgumentException(indicator + ": a weight must be 0 or more and the ASSS value non-zero");
            }
        }

        double ratio() {
            return municipality / asss;
        }
    }
}
