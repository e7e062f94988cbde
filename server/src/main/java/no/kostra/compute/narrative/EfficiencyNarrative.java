package no.kostra.compute.narrative;

import java.util.ArrayList;
import java.util.List;
import no.kostra.compute.NorwegianFormat;
import no.kostra.compute.efficiency.EfficiencyYear;

/**
 * Sentences for the latest year of an efficiency split, as the reports write them: cost, production and efficiency
 * in percent of ASSS, changes in percentage points, and the arithmetic that gives the efficiency. Pure.
 */
public final class EfficiencyNarrative {
    private EfficiencyNarrative() {
    }

    public static List<String> sentences(String municipality, List<EfficiencyYear> years) {
        if (years.isEmpty()) {
            return List.of();
        }
        EfficiencyYear y = years.get(years.size() - 1);
        List<String> out = new ArrayList<>();
        out.add("Brutto driftsutgifter i " + municipality + " var i " + y.year() + " "
                + level(y.costIndex() - 1.0) + change(y.costChangePp(), y.year()) + ".");
        out.add("Produksjonen var " + level(y.productionIndex() - 1.0) + change(y.productionChangePp(), y.year()) + ".");
        out.add("Effektiviteten var " + level(y.efficiency()) + change(y.efficiencyChangePp(), y.year()) + ".");
        for (EfficiencyYear.Contribution c : y.contributions()) {
            out.add(c.name() + " (vekt " + NorwegianFormat.number(c.weight(), 2) + ") ligger " + level(c.ratio() - 1.0)
                    + " og bidrar med " + NorwegianFormat.number(c.contribution(), 3) + " til produksjonsindeksen.");
        }
        out.add("Effektiviteten er produksjonsindeksen delt på kostnadsindeksen minus 1: "
                + NorwegianFormat.number(y.productionIndex(), 3) + " / " + NorwegianFormat.number(y.costIndex(), 3)
                + " " + NorwegianFormat.MINUS + " 1 = " + NorwegianFormat.number(y.efficiency() * 100.0, 1) + " %.");
        return List.copyOf(out);
    }

    /** A ratio to ASSS told as a level: 0,095 → "9,5 prosent høyere enn ASSS-snittet". */
    static String level(double ratioMinusOne) {
        double percent = ratioMinusOne * 100.0;
        String size = Wording.level(percent);
        if (Wording.roundsToZero(size)) {
            return "omtrent på ASSS-snittet";
        }
        return size + " prosent " + (percent > 0 ? "høyere" : "lavere") + " enn ASSS-snittet";
    }

    private static String change(Double pp, int year) {
        return pp == null ? "" : ", " + Wording.change(pp, Wording.POINTS, 1, year - 1);
    }
}
