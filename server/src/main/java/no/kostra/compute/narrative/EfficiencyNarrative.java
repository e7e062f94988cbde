package no.kostra.compute.narrative;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import no.kostra.compute.NorwegianFormat;
import no.kostra.compute.TablePrecision;
import no.kostra.compute.efficiency.EfficiencyYear;

/**
 * Sentences for the latest year of an efficiency split, as the reports write them: cost, production and efficiency
 * in percent of ASSS as the efficiency table shows them, changes in percentage points, and the arithmetic that gives
 * the efficiency. A year the split derived from the next year's statements is said to be so. Pure.
 */
public final class EfficiencyNarrative {
    private EfficiencyNarrative() {
    }

    /** @param subjects a production indicator's id → how a sentence names it ({@link Wording#subject}) */
    public static List<String> sentences(String municipality, List<EfficiencyYear> years, UnaryOperator<String> subjects) {
        if (years.isEmpty()) {
            return List.of();
        }
        EfficiencyYear y = years.get(years.size() - 1);
        EfficiencyYear before = years.size() > 1 && years.get(years.size() - 2).year() == y.year() - 1
                ? years.get(years.size() - 2) : null;
        List<String> out = new ArrayList<>();
        out.add("Brutto driftsutgifter i " + municipality + " var i " + y.year() + " "
                + level(y.costIndex() - 1.0, TablePrecision.EFFICIENCY_LEVEL)
                + change(y, before == null ? null : before.costIndex() - 1.0, y.costIndex() - 1.0, y.costChangePp(),
                TablePrecision.EFFICIENCY_LEVEL) + ".");
        out.add("Produksjonen var " + level(y.productionIndex() - 1.0, TablePrecision.EFFICIENCY_LEVEL)
                + change(y, before == null ? null : before.productionIndex() - 1.0, y.productionIndex() - 1.0,
                y.productionChangePp(), TablePrecision.EFFICIENCY_LEVEL) + ".");
        out.add("Effektiviteten var " + level(y.efficiency(), TablePrecision.EFFICIENCY)
                + change(y, before == null ? null : before.efficiency(), y.efficiency(), y.efficiencyChangePp(),
                TablePrecision.EFFICIENCY) + ".");
        for (EfficiencyYear.Contribution c : y.contributions()) {
            out.add(Wording.capitalised(subjects.apply(c.indicator())) + " (vekt " + NorwegianFormat.number(c.weight(), 2)
                    + ") ligger " + level(c.ratio() - 1.0, TablePrecision.DERIVED) + " og bidrar med "
                    + NorwegianFormat.number(c.contribution(), 3) + " til produksjonsindeksen.");
        }
        out.add("Effektiviteten er produksjonen delt på kostnaden, begge målt mot ASSS, minus 1: (1 " + signed(y.productionIndex())
                + ") / (1 " + signed(y.costIndex()) + ") " + NorwegianFormat.MINUS + " 1 = "
                + NorwegianFormat.number(y.efficiency() * 100.0, TablePrecision.EFFICIENCY) + " %.");
        years.stream().filter(year -> year.basis().equals(EfficiencyYear.DERIVED)).forEach(derived -> out.add(
                "Tallene for " + derived.year() + " er regnet ut fra nivået i " + (derived.year() + 1)
                        + " og endringen fra " + derived.year() + " som rapporten oppgir."));
        return List.copyOf(out);
    }

    /** A ratio to ASSS told as a level: 0,095 → "9,5 prosent høyere enn ASSS-snittet". */
    static String level(double ratioMinusOne, int decimals) {
        double percent = ratioMinusOne * 100.0;
        String size = Wording.magnitude(percent, decimals);
        if (Wording.roundsToZero(size)) {
            return "omtrent på ASSS-snittet";
        }
        return size + " prosent " + (percent > 0 ? "høyere" : "lavere") + " enn ASSS-snittet";
    }

    /** An index as the table's percent over ASSS, with its operator: 1,0189 → "+ 1,89 %", 0,9979 → "- 0,21 %". */
    private static String signed(double index) {
        double percent = (index - 1.0) * 100.0;
        return (percent < 0 ? NorwegianFormat.MINUS : '+') + " " + Wording.magnitude(percent, TablePrecision.EFFICIENCY_LEVEL) + " %";
    }

    /**
     * ", en økning på 2 prosentpoeng fra 2023": the difference of the two years as the table shows them when it shows
     * the year before (so a reader's subtraction agrees), else the change the split states.
     */
    private static String change(EfficiencyYear y, Double levelBefore, double level, Double statedPp, int decimals) {
        if (levelBefore != null) {
            double shown = NorwegianFormat.rounded(level * 100.0, decimals) - NorwegianFormat.rounded(levelBefore * 100.0, decimals);
            return ", " + Wording.change(shown, Wording.POINTS, TablePrecision.DERIVED, y.year() - 1);
        }
        return statedPp == null ? "" : ", " + Wording.change(statedPp, Wording.POINTS, TablePrecision.DERIVED, y.year() - 1);
    }
}
